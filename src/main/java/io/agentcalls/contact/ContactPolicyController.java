package io.agentcalls.contact;

import io.agentcalls.common.ApiException;
import io.agentcalls.common.ApiResponse;
import io.agentcalls.organization.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code GET/PUT /api/v1/contact-policy}: the caller's organization's policy, both caps always given. */
@Tag(name = "Contact policy")
@RestController
@RequestMapping("/api/v1/contact-policy")
class ContactPolicyController {

    private static final Set<String> FIELDS = Set.of("maxAttemptsPerDay", "maxAttemptsPerWeek");

    private final ContactPolicyService policies;

    ContactPolicyController(ContactPolicyService policies) {
        this.policies = policies;
    }

    @Operation(
            operationId = "getContactPolicy",
            summary = "Get the contact policy",
            description =
                    "The organization's caps on attempts per borrower, per day and per week (in each campaign's timezone), enforced when calls are selected and again when each one is dialed.")
    @GetMapping
    ApiResponse<ContactPolicy> get(Caller caller) {
        return ApiResponse.of(policies.policy(caller.organizationId()));
    }

    @Operation(
            operationId = "replaceContactPolicy",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = ContactPolicy.class))),
            summary = "Replace the contact policy",
            description =
                    "Both caps are required integers from 1; calls already waiting are held to the new caps when they are dialed.")
    @PutMapping
    ApiResponse<ContactPolicy> replace(Caller caller, @RequestBody JsonNode body) {
        return ApiResponse.of(policies.replace(caller.organizationId(), read(body)));
    }

    private static ContactPolicy read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.validation("The body must be a JSON object");
        }
        List<String> errors = new ArrayList<>();
        for (Iterator<String> names = body.propertyNames().iterator(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                errors.add("Unknown field: " + (name.length() > 64 ? name.substring(0, 64) + "…" : name));
            }
        }
        Integer perDay = integer(body, "maxAttemptsPerDay", ContactPolicy.MAX_PER_DAY, errors);
        Integer perWeek = integer(body, "maxAttemptsPerWeek", ContactPolicy.MAX_PER_WEEK, errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return new ContactPolicy(perDay, perWeek);
    }

    private static Integer integer(JsonNode body, String field, int max, List<String> errors) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            errors.add(field + " is required");
        } else if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            errors.add(field + " must be an integer");
        } else if (node.intValue() < 1 || node.intValue() > max) {
            errors.add(field + " must be between 1 and " + max);
        } else {
            return node.intValue();
        }
        return null;
    }
}
