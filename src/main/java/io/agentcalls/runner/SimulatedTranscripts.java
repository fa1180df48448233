package io.agentcalls.runner;

/**
 * A short made-up conversation matching a simulated outcome, in turns ({@code Agent:} and
 * {@code Customer:} lines), so transcripts are not empty and read as a conversation: the media
 * feature serves them as {@code [{speaker: "BOT"|"HUMAN", message}]}.
 */
final class SimulatedTranscripts {

    private SimulatedTranscripts() {}

    static String of(SimulatedCallPlan plan) {
        String opening = "Agent: Namaste, this is an automated call about your EMI payment. Am I speaking with"
                + " the account holder?\nCustomer: Yes, speaking.\n";
        if (plan.dispositionData() != null && plan.dispositionData().containsKey("ptp_date")) {
            return opening + "Agent: Your EMI is due. When will you be able to pay?\nCustomer: I will pay "
                    + plan.dispositionData().get("ptp_amount") + " by "
                    + plan.dispositionData().get("ptp_date")
                    + ".\nAgent: Thank you, I have noted your promise to pay.";
        }
        if (plan.dispositionCode() == null) {
            return opening + "Agent: Your EMI is due soon.\nCustomer: Okay.\nAgent: Thank you.";
        }
        return opening + "Agent: Your EMI is due. Can you pay it this week?\nCustomer: ...\nAgent: Noted ("
                + plan.dispositionCode() + "). Thank you for your time.";
    }
}
