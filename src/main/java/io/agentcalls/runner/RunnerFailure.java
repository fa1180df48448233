package io.agentcalls.runner;

/**
 * The whole batch failed; {@link #getMessage()} is the reason shown to the client. An {@link
 * #ambiguous()} failure happened after the batch was sent (a timeout, a broken connection, an answer
 * that could not be read): the runner may have taken the calls, so they must be cancelled, not
 * forgotten.
 */
public class RunnerFailure extends RuntimeException {

    public static final String TIMEOUT = "Workflow runner timeout";

    private final boolean ambiguous;

    private RunnerFailure(String reason, Throwable cause) {
        this(reason, cause, false);
    }

    private RunnerFailure(String reason, Throwable cause, boolean ambiguous) {
        super(reason, cause);
        this.ambiguous = ambiguous;
    }

    public static RunnerFailure timeout(Throwable cause) {
        return new RunnerFailure(TIMEOUT, cause, true);
    }

    /** The batch was sent and no definite answer came back: the runner may hold its calls. */
    public static RunnerFailure ambiguous(String reason, Throwable cause) {
        return new RunnerFailure(reason, cause, true);
    }

    public boolean ambiguous() {
        return ambiguous;
    }

    public static RunnerFailure because(String reason) {
        return new RunnerFailure(reason, null);
    }

    public static RunnerFailure because(String reason, Throwable cause) {
        return new RunnerFailure(reason, cause);
    }
}
