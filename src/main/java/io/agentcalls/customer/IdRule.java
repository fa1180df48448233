package io.agentcalls.customer;

import io.agentcalls.campaign.CampaignType;

/**
 * Which id a campaign's customers carry: a typed campaign's is {@code loan_id} (emi, edi) or
 * {@code lead_id} (lead), as the TimePay Agents API requires by campaign type; {@code id}, our name,
 * stands for either. A campaign without a type takes any one of the three.
 */
record IdRule(CampaignType type) {

    static final IdRule ANY = new IdRule(null);

    static IdRule of(CampaignType type) {
        return type == null ? ANY : new IdRule(type);
    }

    /** Why a record may not be keyed by the id field {@code name}, or null when it may. */
    String problemWith(String name) {
        if (type == null || name.equals("id") || name.equals(type.idField())) {
            return null;
        }
        String article = type == CampaignType.LEAD ? "a " : "an ";
        return name + " is not this campaign's id: " + article + type.value() + " campaign's customers are keyed by "
                + type.idField();
    }

    /** The problem of a record without an id. */
    String missing() {
        return type == null
                ? "id is required (id, loan_id or lead_id)"
                : type.idField() + " is required (the campaign's type is " + type.value() + ")";
    }
}
