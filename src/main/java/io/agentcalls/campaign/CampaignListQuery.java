package io.agentcalls.campaign;

import io.agentcalls.common.ApiException;
import io.agentcalls.common.NumberedPageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The filters of List Campaigns: {@code status} (without it, every campaign but the archived,
 * that is deleted, ones), {@code campaign_type}, {@code search} (part of the name, any case), and
 * the page. {@code rowsLen} is taken as the page size, like {@code limit}.
 */
record CampaignListQuery(String status, String campaignType, String search, NumberedPageRequest page) {

    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 100;
    static final int MAX_SEARCH_LENGTH = 200;

    static CampaignListQuery of(
            String status, String campaignType, String search, String page, String limit, String rowsLen) {
        List<String> errors = new ArrayList<>();
        List<String> statuses = Stream.concat(Campaign.SETTABLE_STATUSES.stream(), Stream.of(Campaign.ARCHIVED))
                .toList();
        if (status != null && !statuses.contains(status)) {
            errors.add("status must be one of " + String.join(", ", statuses));
        }
        if (campaignType != null && CampaignType.of(campaignType).isEmpty()) {
            errors.add("campaign_type must be one of " + String.join(", ", CampaignType.VALUES));
        }
        String text = search == null ? null : search.strip();
        if (text != null && text.length() > MAX_SEARCH_LENGTH) {
            errors.add("search must be at most " + MAX_SEARCH_LENGTH + " characters");
        }
        if (limit != null && rowsLen != null && !limit.equals(rowsLen)) {
            errors.add("give limit or rowsLen, not both");
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return new CampaignListQuery(
                status,
                campaignType,
                text == null || text.isEmpty() ? null : text,
                NumberedPageRequest.of(page, limit != null ? limit : rowsLen, DEFAULT_LIMIT, MAX_LIMIT));
    }

    /** The search as a LIKE pattern that matches it literally anywhere in the name. */
    String searchPattern() {
        if (search == null) {
            return null;
        }
        return "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
