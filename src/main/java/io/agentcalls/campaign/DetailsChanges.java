package io.agentcalls.campaign;

import java.time.LocalDate;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The TimePay fields of a create or update body ({@link CampaignDetails}); null components are "not
 * given". Languages and regions are the documented options, exactly; tags are free text.
 */
record DetailsChanges(
        String description,
        CampaignType type,
        LocalDate startDate,
        LocalDate endDate,
        List<String> languages,
        String region,
        List<String> tags,
        String workflowId) {

    static final List<String> FIELDS =
            List.of("description", "campaignType", "startDate", "endDate", "languages", "region", "tags", "workflowId");
    static final List<String> LANGUAGES = List.of(
            "hindi",
            "english",
            "bengali",
            "telugu",
            "marathi",
            "tamil",
            "gujarati",
            "kannada",
            "malayalam",
            "punjabi",
            "odia",
            "assamese");
    static final List<String> REGIONS = List.of("north", "south", "east", "west", "central");
    static final int MAX_DESCRIPTION_LENGTH = 1000;
    static final int MAX_TAGS = 50;
    static final int MAX_TAG_LENGTH = 100;
    static final int MAX_WORKFLOW_ID_LENGTH = 200;

    static DetailsChanges read(JsonNode body, List<String> errors) {
        String type = CampaignFields.option(body.get("campaignType"), "campaignType", CampaignType.VALUES, errors);
        return new DetailsChanges(
                CampaignFields.text(body.get("description"), "description", MAX_DESCRIPTION_LENGTH, true, errors),
                type == null ? null : CampaignType.of(type).orElseThrow(),
                CampaignFields.date(body.get("startDate"), "startDate", errors),
                CampaignFields.date(body.get("endDate"), "endDate", errors),
                CampaignFields.strings(
                        body.get("languages"), "languages", LANGUAGES, LANGUAGES.size(), Integer.MAX_VALUE, errors),
                CampaignFields.option(body.get("region"), "region", REGIONS, errors),
                CampaignFields.strings(body.get("tags"), "tags", null, MAX_TAGS, MAX_TAG_LENGTH, errors),
                CampaignFields.text(body.get("workflowId"), "workflowId", MAX_WORKFLOW_ID_LENGTH, false, errors));
    }

    CampaignDetails applyTo(CampaignDetails base) {
        return new CampaignDetails(
                description != null ? description : base.description(),
                type != null ? type : base.type(),
                startDate != null ? startDate : base.startDate(),
                endDate != null ? endDate : base.endDate(),
                languages != null ? languages : base.languages(),
                region != null ? region : base.region(),
                tags != null ? tags : base.tags(),
                workflowId != null ? workflowId : base.workflowId());
    }
}
