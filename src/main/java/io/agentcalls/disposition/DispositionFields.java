package io.agentcalls.disposition;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The documented limits of a disposition's and a group's fields (name at most 100 characters,
 * description at most 1,000, priority 0 to 1000) and our code and category, each error naming its field.
 */
final class DispositionFields {

    static final int MAX_NAME = 100;
    static final int MAX_DESCRIPTION = 1000;
    static final int MIN_PRIORITY = 0;
    static final int MAX_PRIORITY = 1000;
    static final int DEFAULT_PRIORITY = 500;
    static final String DEFAULT_CATEGORY = "neutral";
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern NOT_CODE = Pattern.compile("[^A-Z0-9]+");

    private DispositionFields() {}

    static void name(String name, boolean required, List<String> errors) {
        if (name == null) {
            if (required) {
                errors.add("name is required and must be a string");
            }
        } else if (name.isBlank()) {
            errors.add("name must not be blank");
        } else if (name.strip().length() > MAX_NAME) {
            errors.add("name must be at most " + MAX_NAME + " characters");
        }
    }

    static void description(String description, List<String> errors) {
        if (description != null && description.length() > MAX_DESCRIPTION) {
            errors.add("description must be at most " + MAX_DESCRIPTION + " characters");
        }
    }

    static void priority(Integer priority, List<String> errors) {
        if (priority != null && (priority < MIN_PRIORITY || priority > MAX_PRIORITY)) {
            errors.add("priority must be between " + MIN_PRIORITY + " and " + MAX_PRIORITY);
        }
    }

    static void code(String code, List<String> errors) {
        if (code == null) {
            return;
        }
        if (code.length() > DispositionCodeRules.MAX_CODE_LENGTH) {
            errors.add("code must be at most " + DispositionCodeRules.MAX_CODE_LENGTH + " characters");
        } else if (!CODE.matcher(code).matches()) {
            errors.add("code must be upper case letters, digits and _, starting with a letter");
        }
    }

    static void category(String category, List<String> errors) {
        if (category != null && !DispositionCodeRules.CATEGORIES.contains(category)) {
            errors.add("category must be one of " + String.join(", ", DispositionCodeRules.CATEGORIES));
        }
    }

    /**
     * The code a disposition gets when none is given: its name in upper snake case ("Pay in Coming
     * Days/Weeks" is PAY_IN_COMING_DAYS_WEEKS), accents dropped; a name with no Latin letter or digit
     * (a Hindi name) takes {@code D_} and the id's last twelve digits.
     */
    static String codeFor(String name, String id) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String code = NOT_CODE.matcher(ascii.toUpperCase(Locale.ROOT)).replaceAll("_");
        code = trimUnderscores(code);
        if (code.isEmpty()) {
            return "D_" + id.substring(id.length() - 12).toUpperCase(Locale.ROOT);
        }
        if (!Character.isLetter(code.charAt(0))) {
            code = "D_" + code;
        }
        int max = DispositionCodeRules.MAX_CODE_LENGTH;
        return code.length() <= max ? code : trimUnderscores(code.substring(0, max));
    }

    private static String trimUnderscores(String code) {
        int start = 0;
        int end = code.length();
        while (start < end && code.charAt(start) == '_') {
            start++;
        }
        while (end > start && code.charAt(end - 1) == '_') {
            end--;
        }
        return code.substring(start, end);
    }
}
