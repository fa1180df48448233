package io.agentcalls.common;

/**
 * Stored data a module removes once it is past its retention, a small batch at a time, so the purge
 * never holds many rows locked or a long transaction open. {@link PurgeJob} runs every one.
 */
public interface Purge {

    /** What it removes, for logs and the {@code what} tag of {@code agentcalls.retention.purged}. */
    String name();

    /** Removes at most {@code limit} rows past their retention; how many it removed. */
    int purgeBatch(int limit);
}
