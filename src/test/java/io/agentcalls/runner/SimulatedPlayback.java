package io.agentcalls.runner;

import org.springframework.context.ApplicationContext;

/**
 * Lets tests of other packages (the console's browser tests) play the simulated runner's due calls
 * on demand, as SimulatedCallPlayerTest does: the test profile turns the background player off.
 */
public final class SimulatedPlayback {

    private SimulatedPlayback() {}

    /** Plays every step that is due now; true when a batch was full (more may be due). */
    public static boolean playDue(ApplicationContext context) {
        return context.getBean(SimulatedCallPlayer.class).playDue();
    }
}
