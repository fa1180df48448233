package io.agentcalls.campaign;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a campaign collects, as the TimePay Agents API names it ({@code campaignType}, answered as
 * {@code collection_type}): EMIs or daily instalments (EDIs) of loans, whose customers are keyed by
 * {@code loan_id}, or leads, keyed by {@code lead_id}.
 */
public enum CampaignType {
    EMI,
    EDI,
    LEAD;

    public static final List<String> VALUES =
            Arrays.stream(values()).map(CampaignType::value).toList();

    /** The type as the API sends and stores it (lower case). */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The customer id field a record of this campaign must carry: {@code loan_id} or {@code lead_id}. */
    public String idField() {
        return this == LEAD ? "lead_id" : "loan_id";
    }

    /** The Get Campaign page's {@code type}: {@code debt_collection} or {@code lead_generation}. */
    public String serviceType() {
        return this == LEAD ? "lead_generation" : "debt_collection";
    }

    public static Optional<CampaignType> of(String value) {
        return Arrays.stream(values()).filter(t -> t.value().equals(value)).findFirst();
    }
}
