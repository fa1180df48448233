package io.agentcalls.console.settings;

import java.util.List;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The campaign settings form as the JSON of {@code PATCH /api/v1/campaigns/{id}}. A field left
 * empty is not sent (unchanged); a number that does not read as one is sent as the text it is, so
 * the campaign module names it ("maxAttemptsPerDay must be an integer ..."), as the API would.
 */
final class CampaignForm {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CampaignForm() {}

    static ObjectNode toChanges(MultiValueMap<String, String> form) {
        ObjectNode changes = NODES.objectNode();
        text(form, "timezone").ifPresent(v -> changes.put("timezone", v));
        var start = text(form, "windowStart");
        var end = text(form, "windowEnd");
        if (start.isPresent() || end.isPresent()) {
            ObjectNode window = changes.putObject("callingWindow");
            start.ifPresent(v -> window.put("start", v));
            end.ifPresent(v -> window.put("end", v));
        }
        number(form, "maxAttemptsPerDay", changes, "maxAttemptsPerDay");
        number(form, "maxAttemptsPerWeek", changes, "maxAttemptsPerWeek");
        if ("on".equals(form.getFirst("retryEnabled"))) {
            ObjectNode retry = changes.putObject("retry");
            var on = retry.putArray("on");
            form.getOrDefault("retryOn", List.of()).forEach(on::add);
            number(form, "retryMaxAttempts", retry, "maxAttempts");
            number(form, "retryIntervalMinutes", retry, "intervalMinutes");
        } else {
            changes.putNull("retry");
        }
        return changes;
    }

    private static java.util.Optional<String> text(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null || value.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(value.strip());
    }

    private static void number(MultiValueMap<String, String> form, String name, ObjectNode into, String field) {
        text(form, name).ifPresent(v -> {
            if (v.matches("-?[0-9]{1,9}")) {
                into.put(field, Integer.parseInt(v));
            } else {
                into.put(field, v);
            }
        });
    }
}
