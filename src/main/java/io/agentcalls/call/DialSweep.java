package io.agentcalls.call;

import java.util.List;
import java.util.Map;

/**
 * One pass of the dial-time safeguards and the claim behind them.
 *
 * @param byGuard how many due calls each guard held back ({@code expired}, {@code doNotCall},
 *     {@code callingWindow}, {@code attemptLimit}, {@code contactPolicy}) or let through ({@code ok})
 * @param claimed the calls this node now holds, to dial outside the transaction
 */
public record DialSweep(Map<String, Integer> byGuard, List<DialClaim> claimed) {

    public static final DialSweep NOTHING = new DialSweep(Map.of(), List.of());

    public DialSweep {
        byGuard = Map.copyOf(byGuard);
        claimed = List.copyOf(claimed);
    }
}
