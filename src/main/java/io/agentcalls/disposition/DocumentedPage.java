package io.agentcalls.disposition;

import io.agentcalls.common.ApiException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A page of a documented list: {@code ?page=} from 1, a fixed number of rows a page, and the
 * answer's {@code pagination: {page, limit, total, totalPages}}.
 */
record DocumentedPage(int page, int limit) {

    static final int MAX_PAGE = 1_000_000;

    static DocumentedPage of(String page, int limit) {
        if (page == null || page.isEmpty()) {
            return new DocumentedPage(1, limit);
        }
        try {
            int value = Integer.parseInt(page.strip());
            if (value >= 1 && value <= MAX_PAGE) {
                return new DocumentedPage(value, limit);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.validation("page must be an integer from 1 to " + MAX_PAGE);
    }

    long offset() {
        return (long) (page - 1) * limit;
    }

    /** {@code {success, data, pagination}}. */
    record Listed<T>(boolean success, List<T> data, Pagination pagination) {}

    @Schema(name = "DocumentedPagination")
    record Pagination(int page, int limit, long total, long totalPages) {}

    <T> Listed<T> answer(List<T> rows, long total) {
        return new Listed<>(true, rows, new Pagination(page, limit, total, (total + limit - 1) / limit));
    }
}
