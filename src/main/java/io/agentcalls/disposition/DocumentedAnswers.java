package io.agentcalls.disposition;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The documented success bodies of the dispositions pages, besides lists ({@link DocumentedPage}). */
final class DocumentedAnswers {

    private DocumentedAnswers() {}

    /** {@code {success, message?, data}}: create (with a message) and get. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record WithData<T>(boolean success, String message, T data) {}

    /** {@code {success, message, updatedFields}}: what an update changed, not the object. */
    @Schema(name = "UpdatedAnswer")
    record Updated(boolean success, String message, List<String> updatedFields) {}

    /** {@code {success, message}}: deletes and group membership changes. */
    @Schema(name = "DoneAnswer")
    record Done(boolean success, String message) {}

    static <T> WithData<T> data(T data) {
        return new WithData<>(true, null, data);
    }

    static <T> WithData<T> created(String message, T data) {
        return new WithData<>(true, message, data);
    }

    static Updated updated(String message, List<String> fields) {
        return new Updated(true, message, fields);
    }

    static Done done(String message) {
        return new Done(true, message);
    }
}
