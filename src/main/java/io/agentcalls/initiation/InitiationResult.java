package io.agentcalls.initiation;

import io.agentcalls.initiation.selection.SkipCounts;
import java.util.List;

/**
 * What one initiation came to, before anyone decides how to say it: the web layer
 * ({@link InitiationResponses}) turns it into a status code and a body, the retry scheduler reads its
 * fields.
 */
public sealed interface InitiationResult {

    /** The calls were made (or, in a dry run, would be): every selected call reached an outcome. */
    record Completed(InitiationResults results) implements InitiationResult {}

    /**
     * Nothing was written, for one of the reasons the Initiate Call(s) contract names.
     *
     * @param totalMatched the customers the filters matched, once the selection ran (0 before)
     * @param customersSelected the customers that would have been called
     * @param skipped the customers safeguards held back, by reason; only when all were
     * @param missingVariables the agent's variables a selected customer lacks; only for that reason
     */
    record Rejected(
            Reason reason, long totalMatched, long customersSelected, SkipCounts skipped, List<String> missingVariables)
            implements InitiationResult {

        static Rejected because(Reason reason) {
            return new Rejected(reason, 0, 0, null, List.of());
        }

        static Rejected allSkipped(long totalMatched, SkipCounts skipped) {
            return new Rejected(Reason.ALL_SKIPPED, totalMatched, 0, skipped, List.of());
        }

        static Rejected missingVariables(long totalMatched, long customersSelected, List<String> variables) {
            return new Rejected(Reason.MISSING_VARIABLES, totalMatched, customersSelected, null, variables);
        }
    }

    /** The checks of Initiate Call(s), in the order they are made. */
    enum Reason {
        /** The campaign id is malformed or another organization's. */
        CAMPAIGN_FORBIDDEN,
        /** No such campaign in the organization, or it is archived. */
        CAMPAIGN_NOT_FOUND,
        /** The campaign is paused, completed or a draft: only an active campaign is called. */
        CAMPAIGN_NOT_ACTIVE,
        AGENT_NOT_FOUND,
        DISPOSITION_NOT_FOUND,
        NO_ACTIVE_NUMBERS,
        NO_MATCHING_CUSTOMERS,
        /** Every matching customer was held back by a safeguard. */
        ALL_SKIPPED,
        /** A selected customer lacks one of the agent's variables. */
        MISSING_VARIABLES
    }

    /**
     * The service failed unexpectedly: the contract's {@code 500}. Never returned by the service
     * itself; the ledger answers with it when the service threw, after logging why.
     */
    record Failed() implements InitiationResult {}
}
