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

    /**
     * A claimed call to retry; {@code holder} is the node that claimed it. {@code expiredAt} is set when
     * the claim took over the lease of another node that stopped renewing it ({@code previousHolder},
     * null when it was handed back).
     */
    public record DueRetry(
            String callId,
            String customerId,
            int attempt,
            String agentId,
            String dispositionSetId,
            String holder,
            String previousHolder,
            OffsetDateTime expiredAt) {

        public boolean takenOver() {
            return expiredAt != null;
        }
    }
}
