package io.agentcalls.runner;

import java.time.Instant;
import org.springframework.context.ApplicationContext;

/**
 * Lets tests of other packages (the console's browser tests) dial and play the built-in runner's due
 * calls on demand, as SimulatedMediaTest does: the test profile turns the background dialer and player
 * off.
 */
public final class SimulatedPlayback {

    private SimulatedPlayback() {}

    /** Dials the calls that are due, then plays every step that is due now; true when a batch was full. */
    public static boolean playDue(ApplicationContext context) {
        context.getBean(Dialer.class).dialDue(Instant.now());
        return context.getBean(SimulatedCallPlayer.class).playDue();
    }
}
