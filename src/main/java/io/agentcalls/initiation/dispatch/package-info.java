/** Dispatch: an initiation's queued calls to the runner in batches, the answers written back, crash recovery. */
package io.agentcalls.initiation.dispatch;
