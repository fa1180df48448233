package io.agentcalls.campaign;

import io.agentcalls.common.ApiException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Create Campaign's {@code jsonData}: an array of at most 10,000 customer objects, checked for shape only. */
final class CampaignRecords {

    static final int MAX_RECORDS = 10_000;
    private static final int MAX_LISTED = 20;

    private CampaignRecords() {}

    static List<JsonNode> read(JsonNode jsonData) {
        if (jsonData == null) {
            return List.of();
        }
        if (!jsonData.isArray()) {
            throw ApiException.validation("jsonData must be an array of customer objects");
        }
        if (jsonData.size() > MAX_RECORDS) {
            throw ApiException.validation("jsonData must have at most " + MAX_RECORDS + " records");
        }
        List<String> errors = new ArrayList<>();
        List<JsonNode> records = new ArrayList<>(jsonData.size());
        for (int i = 0; i < jsonData.size(); i++) {
            if (!jsonData.get(i).isObject() && errors.size() < MAX_LISTED) {
                errors.add("jsonData[" + i + "] must be an object");
            }
            records.add(jsonData.get(i));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return records;
    }
}
