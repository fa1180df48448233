package io.agentcalls.console;

import org.springframework.http.HttpStatus;

/**
 * A console page's refusal, rendered as a page with its status ({@link ConsoleErrors}): 404 for
 * what does not exist or belongs to another organization, 403 for a control the role does not hold.
 */
public class ConsoleException extends RuntimeException {

    private final HttpStatus status;

    private ConsoleException(HttpStatus status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public static ConsoleException notFound(String what) {
        return new ConsoleException(HttpStatus.NOT_FOUND, what + " not found");
    }

    public static ConsoleException forbidden() {
        return new ConsoleException(HttpStatus.FORBIDDEN, "Your role does not allow this");
    }

    public static ConsoleException badRequest(String message) {
        return new ConsoleException(HttpStatus.BAD_REQUEST, message);
    }

    public HttpStatus status() {
        return status;
    }
}
