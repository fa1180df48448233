package io.agentcalls.campaign;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.agentcalls.common.NumberedPageRequest.Pagination;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The envelopes of the campaign endpoints that the TimePay Agents API shapes. */
final class CampaignResponses {

    private CampaignResponses() {}

    /** {@code {success, message, data}}: create, pause and delete. */
    @Schema(name = "CampaignAnswer")
    record Answer(boolean success, String message, CampaignView data) {}

    /** Update Campaign: the fields the body changed, and (ours) the campaign after the change. */
    @Schema(name = "CampaignUpdated")
    record Updated(boolean success, String message, List<String> updatedFields, CampaignView data) {}

    /** List Campaigns: a page by number, or (ours, with {@code ?cursor=}) a page by cursor. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "CampaignsPage")
    record Listed(boolean success, List<CampaignView> data, Pagination pagination, String nextCursor) {}
}
