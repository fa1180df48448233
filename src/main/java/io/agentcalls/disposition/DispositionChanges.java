package io.agentcalls.disposition;

import java.util.ArrayList;
import java.util.List;

/** What a documented update of a disposition changes; a null field stays as it is. The code never changes. */
record DispositionChanges(String name, String description, Integer priority, String category, String code) {

    /** The fields given, in the documented order: the answer's {@code updatedFields}. */
    List<String> fields() {
        List<String> fields = new ArrayList<>();
        if (name != null) {
            fields.add("name");
        }
        if (description != null) {
            fields.add("description");
        }
        if (priority != null) {
            fields.add("priority");
        }
        if (category != null) {
            fields.add("category");
        }
        return fields;
    }

    List<String> errors() {
        List<String> errors = new ArrayList<>();
        DispositionFields.name(name, false, errors);
        DispositionFields.description(description, errors);
        DispositionFields.priority(priority, errors);
        DispositionFields.category(category, errors);
        if (code != null) {
            errors.add("code cannot be changed: runners and past calls know the disposition by it");
        }
        return errors;
    }
}
