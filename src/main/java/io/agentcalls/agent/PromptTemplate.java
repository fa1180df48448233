package io.agentcalls.agent;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the {@code {{variable}}} placeholders of a prompt. Names are lower snake case, like customer
 * fields, so a placeholder can be matched to a field without guessing at case or punctuation.
 */
final class PromptTemplate {

    static final Pattern VARIABLE_NAME = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final int MAX_SHOWN = 60;
    private static final int MAX_ERRORS = 20;

    private PromptTemplate() {}

    /** What a prompt declares: its distinct variables in order of first appearance, or what is wrong. */
    record Parsed(List<String> variables, List<String> errors) {}

    static Parsed parse(String prompt) {
        Set<String> names = new LinkedHashSet<>();
        Set<String> errors = new LinkedHashSet<>();
        int from = 0;
        int open;
        while ((open = prompt.indexOf("{{", from)) >= 0 && errors.size() < MAX_ERRORS) {
            int close = prompt.indexOf("}}", open + 2);
            if (close < 0) {
                errors.add("prompt has an unclosed '{{' at character " + (open + 1));
                break;
            }
            String placeholder = prompt.substring(open, close + 2);
            String name = prompt.substring(open + 2, close).strip();
            if (name.isEmpty()) {
                errors.add("prompt has an empty variable '" + placeholder + "'");
            } else if (!isVariableName(name)) {
                errors.add("prompt has an invalid variable '" + shorten(placeholder) + "'");
            } else {
                names.add(name);
            }
            from = close + 2;
        }
        return new Parsed(List.copyOf(names), List.copyOf(errors));
    }

    static boolean isVariableName(String name) {
        return VARIABLE_NAME.matcher(name).matches();
    }

    /** Errors of declared variable names, each named by its index in the list. */
    static List<String> checkVariableNames(List<String> variables) {
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < variables.size(); i++) {
            String name = variables.get(i);
            if (name == null) {
                errors.add("variables[" + i + "] must not be null");
            } else if (!isVariableName(name)) {
                errors.add("variables[" + i + "] '" + shorten(name)
                        + "' is not a valid variable name (lower snake case: a-z, 0-9, _)");
            }
        }
        return errors;
    }

    /** The prompt's variables, then the declared ones not already listed. */
    static List<String> requiredVariables(List<String> promptVariables, List<String> declared) {
        Set<String> required = new LinkedHashSet<>(promptVariables);
        required.addAll(declared);
        return List.copyOf(required);
    }

    private static String shorten(String text) {
        return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "…";
    }
}
