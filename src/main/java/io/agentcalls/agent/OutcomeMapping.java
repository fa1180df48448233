package io.agentcalls.agent;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a voice provider's post-call analysis becomes our disposition: the analysis field whose value
 * picks the code, the code for each value (and one for anything else), and which analysis fields
 * fill the disposition's data ({@code ptp_date}, {@code ptp_amount}…).
 *
 * @param field the analysis field read, e.g. {@code outcome} of Vapi's structured data or Retell's
 *     custom analysis data
 * @param codes the provider's value (as text: {@code true}, {@code promise_to_pay}) → our code
 * @param defaultCode the code when the value is in none of {@code codes}; null leaves no disposition
 * @param data our data key → the analysis field it is copied from; absent fields are left out
 */
public record OutcomeMapping(String field, Map<String, String> codes, String defaultCode, Map<String, String> data) {

    static final int MAX_ENTRIES = 100;
    private static final int MAX_TEXT = 200;

    public OutcomeMapping {
        codes = codes == null ? Map.of() : Map.copyOf(codes);
        data = data == null ? Map.of() : Map.copyOf(data);
    }

    /** A disposition code and its data. */
    public record Outcome(String code, Map<String, Object> data) {}

    /** The disposition this analysis maps to, if any. */
    public Optional<Outcome> apply(Map<String, Object> analysis) {
        if (analysis == null) {
            return Optional.empty();
        }
        Object value = analysis.get(field);
        String code = value == null ? null : codes.get(text(value));
        if (code == null) {
            code = defaultCode;
        }
        if (code == null) {
            return Optional.empty();
        }
        Map<String, Object> copied = new LinkedHashMap<>();
        data.forEach((ours, theirs) -> {
            Object v = analysis.get(theirs);
            if (v != null) {
                copied.put(ours, v);
            }
        });
        return Optional.of(new Outcome(code, copied.isEmpty() ? null : copied));
    }

    /** What is wrong with it, each problem named by its path under {@code outcomeMapping}. */
    List<String> errors() {
        List<String> errors = new ArrayList<>();
        if (field == null || field.isBlank() || field.length() > MAX_TEXT) {
            errors.add("outcomeMapping.field must not be blank or longer than " + MAX_TEXT + " characters");
        }
        if (codes.size() > MAX_ENTRIES || data.size() > MAX_ENTRIES) {
            errors.add(
                    "outcomeMapping.codes and outcomeMapping.data must not have more than " + MAX_ENTRIES + " entries");
        }
        if (codes.isEmpty() && defaultCode == null) {
            errors.add("outcomeMapping.codes must not be empty when there is no defaultCode");
        }
        codes.forEach((value, code) -> entry("outcomeMapping.codes", value, code, errors));
        data.forEach((ours, theirs) -> entry("outcomeMapping.data", ours, theirs, errors));
        if (defaultCode != null && (defaultCode.isBlank() || defaultCode.length() > MAX_TEXT)) {
            errors.add("outcomeMapping.defaultCode must not be blank or longer than " + MAX_TEXT + " characters");
        }
        return errors;
    }

    private static void entry(String path, String key, String value, List<String> errors) {
        if (key.isBlank() || key.length() > MAX_TEXT || value == null || value.isBlank() || value.length() > MAX_TEXT) {
            errors.add(path + " keys and values must be text of 1 to " + MAX_TEXT + " characters");
        }
    }

    /** Numbers without a trailing {@code .0}, so {@code 1} and {@code 1.0} pick the same code. */
    private static String text(Object value) {
        if (value instanceof Number n) {
            return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }
}
