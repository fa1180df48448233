package io.agentcalls.customer;

import io.agentcalls.common.ApiException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The columns of a customer CSV. Standard columns are matched without regard to case; every other
 * column is a custom field under its own name. A header that cannot work is refused as a whole.
 */
record CsvHeader(
        int size,
        int id,
        String idName,
        Map<String, Integer> dataColumns,
        List<String> customNames,
        int[] customColumns) {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    static CsvHeader of(String[] names) {
        List<String> problems = new ArrayList<>();
        List<Integer> idColumns = new ArrayList<>();
        Map<String, Integer> data = new HashMap<>();
        List<String> customNames = new ArrayList<>();
        List<Integer> customColumns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int column = 0; column < names.length; column++) {
            String name = names[column].strip();
            if (column == 0 && !name.isEmpty() && name.charAt(0) == BYTE_ORDER_MARK) {
                name = name.substring(1).strip(); // spreadsheet programs start UTF-8 files with a BOM
            }
            String standard = name.toLowerCase(Locale.ROOT);
            boolean isStandard =
                    CustomerFields.ID_FIELDS.contains(standard) || CustomerFields.DATA_FIELDS.contains(standard);
            if (name.isEmpty()) {
                problems.add("CSV header column " + (column + 1) + " has no name");
            } else if (!seen.add(isStandard ? standard : name)) {
                problems.add("CSV header has the column '" + name + "' more than once");
            } else if (CustomerFields.ID_FIELDS.contains(standard)) {
                idColumns.add(column);
            } else if (isStandard) {
                data.put(standard, column);
            } else {
                String problem = CustomerFields.customNameProblem(name);
                if (problem != null) {
                    problems.add("CSV header: " + problem);
                }
                customNames.add(name);
                customColumns.add(column);
            }
        }
        if (idColumns.isEmpty()) {
            problems.add("CSV has no id column (id, loan_id or lead_id)");
        } else if (idColumns.size() > 1) {
            problems.add("CSV has more than one id column (id, loan_id or lead_id)");
        }
        if (!data.containsKey("phone")) {
            problems.add("CSV has no phone column");
        }
        if (customNames.size() > CustomerFields.MAX_CUSTOM_FIELDS) {
            problems.add("CSV has more than " + CustomerFields.MAX_CUSTOM_FIELDS + " custom columns");
        }
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        int id = idColumns.get(0);
        return new CsvHeader(
                names.length,
                id,
                names[id].strip().replace(String.valueOf(BYTE_ORDER_MARK), "").toLowerCase(Locale.ROOT),
                Map.copyOf(data),
                List.copyOf(customNames),
                customColumns.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The column of a standard data field, or -1 when the file has none. */
    int column(String field) {
        return dataColumns.getOrDefault(field, -1);
    }
}
