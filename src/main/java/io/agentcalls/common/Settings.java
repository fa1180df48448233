package io.agentcalls.common;

import java.time.Duration;

/** Checks that configuration records make of their values, so a wrong setting stops the start. */
public final class Settings {

    private Settings() {}

    /** The duration, if it is longer than zero. */
    public static Duration positive(String key, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + " must be longer than zero, not " + value);
        }
        return value;
    }

    /** The number, if it is at least {@code min}. */
    public static long atLeast(String key, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(key + " must be at least " + min + ", not " + value);
        }
        return value;
    }
}
