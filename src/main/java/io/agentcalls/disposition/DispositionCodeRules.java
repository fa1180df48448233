package io.agentcalls.disposition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What makes a list of disposition codes valid. Codes are upper snake case so that runners and
 * reports can use them as stable identifiers; categories are a closed set that stats group by.
 */
final class DispositionCodeRules {

    static final int MAX_CODES = 100;
    static final int MAX_CODE_LENGTH = 50;
    static final int MAX_LABEL_LENGTH = 200;
    static final List<String> CATEGORIES = List.of("positive", "negative", "neutral", "callback");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final int MAX_SHOWN = 60;

    private DispositionCodeRules() {}

    /** Every problem of the list, each named by the entry's index; empty when the list is valid. */
    static List<String> check(List<DispositionCode> codes) {
        if (codes == null || codes.isEmpty()) {
            return List.of("codes must have at least 1 entry");
        }
        if (codes.size() > MAX_CODES) {
            return List.of("codes must have at most " + MAX_CODES + " entries");
        }
        List<String> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            String at = "codes[" + i + "]";
            DispositionCode entry = codes.get(i);
            if (entry == null) {
                errors.add(at + " must not be null");
                continue;
            }
            checkCode(at, entry.code(), seen, errors);
            checkLabel(at, entry.label(), errors);
            if (entry.category() == null || !CATEGORIES.contains(entry.category())) {
                errors.add(at + ".category must be one of " + String.join(", ", CATEGORIES)
                        + (entry.category() == null ? "" : ", not '" + shorten(entry.category()) + "'"));
            }
        }
        return errors;
    }

    private static void checkCode(String at, String code, Set<String> seen, List<String> errors) {
        if (code == null || code.isBlank()) {
            errors.add(at + ".code must not be blank");
        } else if (code.length() > MAX_CODE_LENGTH) {
            errors.add(at + ".code must be at most " + MAX_CODE_LENGTH + " characters");
        } else if (!CODE.matcher(code).matches()) {
            errors.add(at + ".code '" + code + "' must be upper case letters, digits and _, starting with a letter");
        } else if (!seen.add(code)) {
            errors.add(at + ".code '" + code + "' is a duplicate");
        }
    }

    private static void checkLabel(String at, String label, List<String> errors) {
        if (label == null || label.isBlank()) {
            errors.add(at + ".label must not be blank");
        } else if (label.length() > MAX_LABEL_LENGTH) {
            errors.add(at + ".label must be at most " + MAX_LABEL_LENGTH + " characters");
        }
    }

    private static String shorten(String text) {
        return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "…";
    }
}
