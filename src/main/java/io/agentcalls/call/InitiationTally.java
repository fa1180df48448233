package io.agentcalls.call;

import java.util.List;

/**
 * What an initiation's calls came to, counted from the calls themselves: for recovery to answer an
 * initiation whose node died before it answered.
 *
 * @param calls the calls the initiation wrote (its selected customers)
 * @param initiated the calls the runner took (they left queued other than by failing to initiate or
 *     being cancelled before it had them)
 * @param failed the calls that failed to initiate
 * @param batches the batches that have any call
 * @param failures the failed calls by batch and reason
 */
public record InitiationTally(long calls, long initiated, long failed, int batches, List<BatchFailure> failures) {

    /** The calls of one batch that failed to initiate for one reason. */
    public record BatchFailure(int batch, String reason, long calls) {}
}
