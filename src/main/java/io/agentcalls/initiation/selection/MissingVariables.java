package io.agentcalls.initiation.selection;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The statement's columns for the agent's required variables: one flag per variable on each matched
 * customer ({@code missing_0}, …: whether the customer lacks it), and one count per variable of the
 * selected customers that lack it. A variable that names no field at all is missing for everyone.
 */
final class MissingVariables {

    private MissingVariables() {}

    /**
     * The flags, each after a comma, for the customer alias {@code c}; binds custom field names.
     *
     * @param parameters the statement's parameters, which gain one per custom field named
     */
    static String flags(List<String> variables, Set<String> customFieldNames, Map<String, Object> parameters) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < variables.size(); i++) {
            CustomerField variable =
                    CustomerField.resolve(variables.get(i), customFieldNames).orElse(null);
            String missingCondition;
            if (variable == null) {
                missingCondition = "TRUE";
            } else if (variable.isCustom()) {
                parameters.put("variable" + i, variable.name());
                missingCondition = "c.custom ->> :variable" + i + " IS NULL";
            } else {
                missingCondition = "c." + variable.column() + " IS NULL";
            }
            sql.append(", ").append(missingCondition).append(" AS missing_").append(i);
        }
        return sql.toString();
    }

    /**
     * The counts, each after a comma.
     *
     * @param selectedCondition what makes a counted row selected, ahead of the flag ("" when every
     *     counted row is)
     */
    static String counts(int variables, String selectedCondition) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < variables; i++) {
            sql.append(", count(*) FILTER (WHERE ")
                    .append(selectedCondition)
                    .append("missing_")
                    .append(i)
                    .append(") AS missing_")
                    .append(i);
        }
        return sql.toString();
    }
}
