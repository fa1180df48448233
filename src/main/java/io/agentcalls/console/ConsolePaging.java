package io.agentcalls.console;

import io.agentcalls.common.ApiException;
import io.agentcalls.common.PageRequest;

/** The console's lists: keyset pages of a fixed size; a cursor that is not ours is a 400 page. */
final class ConsolePaging {

    static final int PAGE_SIZE = 25;

    private ConsolePaging() {}

    static PageRequest of(String cursor) {
        try {
            return PageRequest.of(Integer.toString(PAGE_SIZE), cursor);
        } catch (ApiException | IllegalArgumentException e) {
            throw ConsoleException.badRequest("The page link is malformed");
        }
    }
}
