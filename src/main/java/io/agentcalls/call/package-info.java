/** Call records, the status machine, runner events, call queries and campaign stats. */
package io.agentcalls.call;
