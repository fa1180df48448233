/** Selection: filters to SQL, the safeguards, and the one set-based statement that counts, orders and writes. */
package io.agentcalls.initiation.selection;
