package io.agentcalls.runner;

/** The whole batch failed; {@link #getMessage()} is the reason shown to the client. */
public class RunnerFailure extends RuntimeException {

    public static final String TIMEOUT = "Workflow runner timeout";

    private RunnerFailure(String reason, Throwable cause) {
        super(reason, cause);
    }

    public static RunnerFailure timeout(Throwable cause) {
        return new RunnerFailure(TIMEOUT, cause);
    }

    public static RunnerFailure because(String reason) {
        return new RunnerFailure(reason, null);
    }

    public static RunnerFailure because(String reason, Throwable cause) {
        return new RunnerFailure(reason, cause);
    }
}
