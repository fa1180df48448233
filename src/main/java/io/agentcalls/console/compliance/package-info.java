/** The console's compliance screen: the do-not-call list (add, remove, upload) and skips over time by reason. */
package io.agentcalls.console.compliance;
