package io.agentcalls.call;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A page of a campaign's due unsuccessful calls: where it ended, and the calls this node claimed in
 * it (maybe none: another node may hold them).
 */
public record DueRetries(Cursor end, List<DueRetry> claimed) {

    /**
     * A position in a campaign's due calls, ordered by (ended_at, id). Call ids are a prefix and hex
     * digits, which every collation orders alike.
     */
    public record Cursor(OffsetDateTime endedAt, String callId) {

        /** Where a run's first page starts: before any call ended. */
        public static final Cursor START = new Cursor(OffsetDateTime.ofInstant(Instant.EPOCH, ZoneOffset.UTC), "");
    }

    /** A claimed call to retry; {@code claim} is the lease it was claimed with, the same for one page. */
    public record DueRetry(
            String callId,
            String customerId,
            int attempt,
            String agentId,
            String dispositionSetId,
            OffsetDateTime claim) {}
}
