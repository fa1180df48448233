package io.agentcalls.ratelimit;

/** The kinds of request an organization's buckets count separately. */
public enum RateLimit {
    /** Initiate Call(s) that places calls: the most expensive request there is. */
    INITIATIONS("initiations"),
    /** Initiate Call(s) with {@code dryRun}: a count, asked often while a filter is edited. */
    DRY_RUNS("dry runs"),
    /** Every other request of the organization API. */
    API("API requests");

    private final String description;

    RateLimit(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }
}
