package io.agentcalls.contact;

/**
 * Attempts to one phone number at most, across every campaign of the organization: per day and per
 * seven days, in the customer's timezone.
 */
public record ContactPolicy(int maxAttemptsPerDay, int maxAttemptsPerWeek) {

    /** An organization that has not set a policy has this one. */
    public static final ContactPolicy DEFAULT = new ContactPolicy(3, 7);

    public static final int MAX_PER_DAY = 100;
    public static final int MAX_PER_WEEK = 700;
}
