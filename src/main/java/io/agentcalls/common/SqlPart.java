package io.agentcalls.common;

import java.util.Map;

/**
 * A part of another module's statement, with its named parameters: how the module that owns a table
 * contributes a set-based write on it to a statement that must stay one (the initiation's selection
 * and the insert of its calls), without the other module writing that table's SQL itself.
 */
public record SqlPart(String sql, Map<String, Object> parameters) {

    public SqlPart {
        parameters = Map.copyOf(parameters);
    }
}
