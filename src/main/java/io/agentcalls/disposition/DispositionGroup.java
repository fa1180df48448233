package io.agentcalls.disposition;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A disposition group: the set a call is classified into ({@code dispositionId} of Initiate Call(s)).
 * {@code dispositions} are the members' ids in order; {@code dispositionDetails} only with {@code expand}.
 */
public record DispositionGroup(
        String id,
        String name,
        String description,
        List<String> dispositions,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Detail> dispositionDetails,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /** A member as {@code expand=true} shows it: the documented four fields, then ours. */
    public record Detail(String id, String name, String description, int priority, String code, String category) {}
}
