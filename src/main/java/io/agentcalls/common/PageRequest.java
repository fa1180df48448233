package io.agentcalls.common;

/** A list request: {@code ?limit=} (default 50, max 500) and the decoded {@code ?cursor=}. */
public record PageRequest(int limit, String after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public static PageRequest of(String limit, String cursor) {
        return new PageRequest(parseLimit(limit), Cursor.decode(cursor));
    }

    private static int parseLimit(String limit) {
        if (limit == null || limit.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.validation("limit must be an integer from 1 to " + MAX_LIMIT);
    }

    /** Rows to fetch: one more than asked, to learn whether a next page exists. */
    public int fetchSize() {
        return limit + 1;
    }
}
