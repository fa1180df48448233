package io.agentcalls.common;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A list request by page number, as the TimePay Agents API pages its lists: {@code ?page=} from 1
 * and {@code ?limit=}; the answer carries {@link Pagination}. (Our own lists page by cursor, {@link
 * PageRequest}.)
 */
public record NumberedPageRequest(int page, int limit) {

    public static final int MAX_PAGE = 1_000_000;

    /** Parses the parameters (absent or empty: page 1, {@code defaultLimit}); wrong values are a 400. */
    public static NumberedPageRequest of(String page, String limit, int defaultLimit, int maxLimit) {
        return new NumberedPageRequest(
                parse("page", page, 1, 1, MAX_PAGE), parse("limit", limit, defaultLimit, 1, maxLimit));
    }

    public long offset() {
        return (long) (page - 1) * limit;
    }

    public Pagination pagination(long total) {
        return new Pagination(page, limit, total, (total + limit - 1) / limit);
    }

    /** The documented {@code pagination} object: {@code totalPages} is 0 for an empty list. */
    @Schema(name = "NumberedPagination")
    public record Pagination(int page, int limit, long total, long totalPages) {}

    static int parse(String name, String value, int absent, int min, int max) {
        if (value == null || value.isEmpty()) {
            return absent;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.validation(name + " must be an integer from " + min + " to " + max);
    }
}
