/** Automatic retries: due unsuccessful calls initiated again, through the same checks and safeguards. */
package io.agentcalls.initiation.retry;
