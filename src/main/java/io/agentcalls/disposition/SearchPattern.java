package io.agentcalls.disposition;

import io.agentcalls.common.ApiException;

/** {@code ?search=} as an ILIKE pattern that matches the text anywhere, its own % and _ literally. */
final class SearchPattern {

    static final int MAX_LENGTH = 200;

    private SearchPattern() {}

    /** Null when there is nothing to search for. */
    static String of(String search) {
        if (search == null || search.isBlank()) {
            return null;
        }
        if (search.length() > MAX_LENGTH) {
            throw ApiException.validation("search must be at most " + MAX_LENGTH + " characters");
        }
        String escaped =
                search.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
