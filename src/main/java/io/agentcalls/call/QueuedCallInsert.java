package io.agentcalls.call;

import io.agentcalls.common.SqlPart;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The insert of queued calls as a part of a selecting statement, which provides the relation
 * {@code selected (id, phone, position, payment_status, language)}: the customer, its phone, 1, 2, …
 * in calling order, and the customer's payment status and language.
 */
final class QueuedCallInsert {

    // the customer's payment status and language (from the selection, which read them) and the
    // campaign's zone ride along, so the call's outcome counts where it was made whatever changes
    // later (V160, docs/decisions/0017)
    private static final String INSERT = """
                INSERT INTO calls (organization_id, id, campaign_id, customer_id, initiation_id, batch, agent_id,
                                   disposition_set_id, from_number, to_phone, attempt, scheduled_for,
                                   customer_payment_status, customer_language, campaign_timezone)
                SELECT :organizationId, new_id('call'), :campaignId, s.id, :initiationId,
                       ((s.position - 1) / :batchSize) + 1, :agentId, :dispositionSetId,
                       (CAST(:fromNumbers AS text[]))[((s.position - 1) % :fromNumberCount) + 1], s.phone,
                       coalesce(n.attempt, 1), CAST(nullif(:startAt, '') AS timestamptz),
                       s.payment_status, s.language, z.name
                FROM selected s
                LEFT JOIN campaigns m ON m.organization_id = :organizationId AND m.id = :campaignId
                LEFT JOIN known_time_zones z ON z.name = m.timezone
                -- retries name each customer's attempt number; everyone else makes a first call
                LEFT JOIN unnest(CAST(:attemptCustomers AS text[]), CAST(:attemptNumbers AS integer[]))
                          AS n (customer_id, attempt) ON n.customer_id = s.id
                ORDER BY s.position""";

    private QueuedCallInsert() {}

    static SqlPart of(QueuedCalls calls) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("organizationId", calls.organizationId());
        parameters.put("campaignId", calls.campaignId());
        parameters.put("initiationId", calls.initiationId());
        parameters.put("agentId", calls.agentId());
        parameters.put("dispositionSetId", calls.dispositionSetId());
        parameters.put("fromNumbers", calls.fromNumbers().toArray(String[]::new));
        parameters.put("fromNumberCount", calls.fromNumbers().size());
        parameters.put("batchSize", calls.batchSize());
        // a part's parameters hold no nulls: no startAt is the empty text, NULL in the statement
        parameters.put("startAt", calls.startAt() == null ? "" : calls.startAt().toString());
        List<Map.Entry<String, Integer>> attempts = List.copyOf(calls.attempts().entrySet());
        parameters.put(
                "attemptCustomers", attempts.stream().map(Map.Entry::getKey).toArray(String[]::new));
        parameters.put(
                "attemptNumbers", attempts.stream().map(Map.Entry::getValue).toArray(Integer[]::new));
        return new SqlPart(INSERT, parameters);
    }
}
