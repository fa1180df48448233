package io.agentcalls.voice;

import java.time.Duration;

/** What a provider answered to a dial: placed, definitely refused, or try again later. */
public sealed interface DialOutcome {

    /** The provider took the call; its events follow through the provider's webhooks. */
    record Placed(String providerCallId) implements DialOutcome {}

    /** A definite no (an invalid number, an unknown assistant): the call fails with this reason. */
    record Refused(String reason) implements DialOutcome {}

    /**
     * No answer that says whether the call was placed is not this: a {@code 429}, a {@code 5xx} before
     * the provider took the call, or a refused connection. The call waits and is dialed again.
     *
     * @param retryAfter what the provider asked for, or {@code null} to back off on our own schedule
     */
    record RetryLater(String reason, Duration retryAfter) implements DialOutcome {}

    /**
     * The request may have reached the provider and no answer came (a timeout, a reset after
     * sending): the call may be ringing. It must not be dialed again until its webhooks or a hang-up
     * settle it.
     */
    record Unknown(String reason) implements DialOutcome {}
}
