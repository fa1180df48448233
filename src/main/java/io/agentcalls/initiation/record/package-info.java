/** Initiation records: who asked what and what was answered; also the idempotency store. */
package io.agentcalls.initiation.record;
