package io.agentcalls.customer;

import io.agentcalls.common.ApiException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The columns of a customer CSV. Standard columns are matched by any of their names without regard to
 * case; every other column is a custom field under its own name. A header that cannot work is
 * refused as a whole, and so is an id column the campaign's type does not take.
 */
record CsvHeader(
        int size,
        Map<StandardField, Integer> columns,
        Map<StandardField, String> labels,
        List<String> customNames,
        int[] customColumns) {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    static CsvHeader of(String[] names) {
        return of(names, IdRule.ANY);
    }

    static CsvHeader of(String[] names, IdRule rule) {
        List<String> problems = new ArrayList<>();
        Map<StandardField, Integer> columns = new EnumMap<>(StandardField.class);
        Map<StandardField, String> labels = new EnumMap<>(StandardField.class);
        List<String> customNames = new ArrayList<>();
        List<Integer> customColumns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<StandardField> repeated = new HashSet<>();
        for (int column = 0; column < names.length; column++) {
            String name = names[column].strip();
            if (column == 0 && !name.isEmpty() && name.charAt(0) == BYTE_ORDER_MARK) {
                name = name.substring(1).strip(); // spreadsheet programs start UTF-8 files with a BOM
            }
            String lower = name.toLowerCase(Locale.ROOT);
            StandardField standard = StandardField.named(lower).orElse(null);
            if (name.isEmpty()) {
                problems.add("CSV header column " + (column + 1) + " has no name");
            } else if (!seen.add(standard != null ? lower : name)) {
                problems.add("CSV header has the column '" + name + "' more than once");
            } else if (standard != null && columns.containsKey(standard)) {
                if (repeated.add(standard)) {
                    problems.add(moreThanOne(standard));
                }
            } else if (standard != null) {
                columns.put(standard, column);
                labels.put(standard, lower);
            } else {
                String problem = CustomerFields.customNameProblem(name);
                if (problem != null) {
                    problems.add("CSV header: " + problem);
                }
                customNames.add(name);
                customColumns.add(column);
            }
        }
        if (!columns.containsKey(StandardField.ID)) {
            problems.add(
                    rule.type() == null
                            ? "CSV has no id column (id, loan_id or lead_id)"
                            : "CSV has no " + rule.type().idField() + " column (the campaign's type is "
                                    + rule.type().value() + ")");
        } else if (rule.problemWith(labels.get(StandardField.ID)) != null) {
            problems.add("CSV: " + rule.problemWith(labels.get(StandardField.ID)));
        }
        if (!columns.containsKey(StandardField.PHONE)) {
            problems.add("CSV has no phone column");
        }
        if (customNames.size() > CustomerFields.MAX_CUSTOM_FIELDS) {
            problems.add("CSV has more than " + CustomerFields.MAX_CUSTOM_FIELDS + " custom columns");
        }
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        return new CsvHeader(
                names.length,
                Map.copyOf(columns),
                Map.copyOf(labels),
                List.copyOf(customNames),
                customColumns.stream().mapToInt(Integer::intValue).toArray());
    }

    private static String moreThanOne(StandardField field) {
        return field == StandardField.ID
                ? "CSV has more than one id column (id, loan_id or lead_id)"
                : "CSV has more than one " + field.fieldName() + " column ("
                        + field.names().collect(Collectors.joining(", ")) + ")";
    }

    /** The column of the id. */
    int id() {
        return columns.get(StandardField.ID);
    }

    /** The column of a standard field, or -1 when the file has none. */
    int column(StandardField field) {
        return columns.getOrDefault(field, -1);
    }

    /** The name the header gives a standard field under (lower case); its own name when absent. */
    String label(StandardField field) {
        return labels.getOrDefault(field, field.fieldName());
    }
}
