package io.agentcalls.common;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The success envelope: {@code {"success":true,"data":...}}, lists add {@code nextCursor}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiResponse<T>(boolean success, T data, String nextCursor) {

    public static <T> ApiResponse<T> of(T data) {
        return new ApiResponse<>(true, data, null);
    }

    public static <T> ApiResponse<java.util.List<T>> page(Page<T> page) {
        return new ApiResponse<>(true, page.items(), page.nextCursor());
    }
}
