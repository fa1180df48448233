package io.agentcalls.initiation.dispatch;

/** One failed batch, or the calls of a batch the runner rejected for one reason. */
public record BatchError(int batch, String error, String reason, long affectedCustomers) {

    public static final String CALL_INITIATION_FAILED = "Call initiation failed";
}
