/**
 * The console's calls and customers screens: filterable keyset lists, a customer's attempts in
 * order, and the streamed CSV export of a call search.
 */
package io.agentcalls.console.calls;
