package io.agentcalls.call;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * The filters of {@code GET /api/v1/logs}, combined with AND; a null one is not set. {@code type}
 * is {@code call}, {@code whatsapp} or {@code sms}: only calls exist here, so the others match nothing.
 */
record LogFilter(
        String type,
        Set<CallStatus> statuses,
        String disposition,
        String fromPhone,
        String phone,
        String campaignId,
        String agentId,
        OffsetDateTime startTime,
        OffsetDateTime endTime) {

    boolean onlyMessages() {
        return type != null && !type.equals("call");
    }
}
