/**
 * The Initiate Call(s) use case: request parsing, filters to SQL, safeguards, batching to the
 * workflow runner, results, idempotency and initiation records.
 */
package io.agentcalls.initiation;
