package io.agentcalls.common;

import java.util.ArrayDeque;
import java.util.Deque;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A body value that {@link BodyValues} refuses, with its full path in the body. The path is taken from
 * the parser's own position, which is exact even inside untyped maps, where Jackson records none.
 */
class UnsafeValueException extends MismatchedInputException {

    private final BodyValues.Problem problem;

    /** @param problem the problem, its path relative to the value the parser has just read */
    UnsafeValueException(JsonParser parser, BodyValues.Problem problem) {
        super(parser, "Refused value: " + absolute(parser, problem).describe(""));
        this.problem = absolute(parser, problem);
    }

    private static BodyValues.Problem absolute(JsonParser parser, BodyValues.Problem problem) {
        return new BodyValues.Problem(BodyValues.join(pathOf(parser), problem.path()), problem.reason());
    }

    /** The problem, its path from the top of the body. */
    BodyValues.Problem problem() {
        return problem;
    }

    /** Where the parser is: the field or element whose value it has just read, or a key it is on. */
    private static String pathOf(JsonParser parser) {
        Deque<String> segments = new ArrayDeque<>();
        for (TokenStreamContext context = parser == null ? null : parser.streamReadContext();
                context != null && !context.inRoot();
                context = context.getParent()) {
            if (context.inArray()) {
                segments.addFirst("[" + context.getCurrentIndex() + "]");
            } else if (context.currentName() != null) {
                segments.addFirst(context.currentName());
            }
        }
        String path = "";
        for (String segment : segments) {
            path = BodyValues.join(path, segment);
        }
        return path;
    }
}
