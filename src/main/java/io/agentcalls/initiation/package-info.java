/**
 * The Initiate Call(s) use case. At the top: the controller, {@link
 * io.agentcalls.initiation.InitiationLedger} (idempotency, records), {@link
 * io.agentcalls.initiation.InitiateCallsService} (the contract's checks, in its order) and the
 * request and result types; one package per stage below: {@code selection} (filters to SQL,
 * safeguards, the one statement), {@code dispatch} (batches to the runner, write-back, crash
 * recovery), {@code retry} (automatic retries), {@code record} (initiation records).
 */
package io.agentcalls.initiation;
