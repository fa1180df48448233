package io.agentcalls.customer;

import io.agentcalls.organization.Caller;
import java.util.List;
import java.util.Optional;

/**
 * Calls for customers just added (Add Customer(s) with {@code initiateCall}), placed through Initiate
 * Call(s) itself: the same checks, selection, safeguards, records and dispatch. Implemented by the
 * initiation feature (which depends on this one, so customer names the need and initiation fills it).
 */
public interface CustomerCalls {

    /**
     * Why no call could be placed in this campaign with this agent and disposition set whoever the
     * customers (a campaign that is not active, an unknown agent or disposition set, no active caller
     * number), checked before anything is added; empty when calls may go ahead.
     */
    Optional<Refusal> refusal(Caller caller, String campaignId, String agentId, String dispositionId);

    /** Initiates calls for these customers (at most 500), as one Initiate Call(s) filtered by their ids. */
    Batch initiate(Caller caller, String campaignId, String agentId, String dispositionId, List<String> customerIds);

    /** An answer of Initiate Call(s) that refuses the request: its status and message. */
    record Refusal(int status, String message) {}

    /**
     * What one initiation came to, in the words of Initiate Call(s)' results. {@code refusal} is its
     * message when it placed no call for a reason of its own (every customer skipped by a safeguard,
     * missing agent variables), null otherwise.
     */
    record Batch(
            long totalMatched,
            long customersSelected,
            long initiated,
            long failed,
            List<BatchError> errors,
            Skipped skipped,
            String initiationId,
            String refusal) {}

    /** One failed batch of calls, as Initiate Call(s)' results list it. */
    record BatchError(int batch, String error, String reason, long affectedCustomers) {}

    /** Customers that matched but were held back by a safeguard, by reason. */
    record Skipped(long activeCall, long doNotCall, long attemptLimit, long outsideCallingWindow) {

        public static final Skipped NONE_SKIPPED = new Skipped(0, 0, 0, 0);

        long total() {
            return activeCall + doNotCall + attemptLimit + outsideCallingWindow;
        }

        Skipped plus(Skipped other) {
            return new Skipped(
                    activeCall + other.activeCall,
                    doNotCall + other.doNotCall,
                    attemptLimit + other.attemptLimit,
                    outsideCallingWindow + other.outsideCallingWindow);
        }
    }
}
