package io.agentcalls.runner;

/** A short made-up conversation matching a simulated outcome, so transcripts are not empty. */
final class SimulatedTranscripts {

    private SimulatedTranscripts() {}

    static String of(SimulatedCallPlan plan) {
        String opening = "Agent: Hello, this is a reminder about your EMI payment.\n";
        if (plan.dispositionData() != null && plan.dispositionData().containsKey("ptp_date")) {
            return opening + "Customer: I will pay " + plan.dispositionData().get("ptp_amount") + " by "
                    + plan.dispositionData().get("ptp_date") + ".\nAgent: Thank you, noted.";
        }
        if (plan.dispositionCode() == null) {
            return opening + "Customer: Okay.\nAgent: Thank you.";
        }
        return opening + "Customer: ...\nAgent: Noted (" + plan.dispositionCode() + "). Thank you.";
    }
}
