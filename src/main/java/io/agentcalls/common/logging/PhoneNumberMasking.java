package io.agentcalls.common.logging;

/**
 * Finds phone numbers in free text (log messages, stack traces, JSON, URLs) and replaces each with
 * {@code <phone>}. One function behind every log output, so console, file and JSON logs mask alike.
 *
 * <p>A number starts where no identifier, decimal or longer number continues to its left, and ends
 * where none continues to its right, so {@code cal_0190…}, UUIDs, IP addresses, timestamps and
 * ports stay readable. What counts as a number:
 *
 * <ul>
 *   <li>international: {@code +} (or {@code %2B}, URL-encoded) or {@code 00}, then 8 to 15 digits,
 *       in groups separated by spaces, dashes, dots or parentheses;
 *   <li>Indian, bare or grouped: a 10-digit mobile ({@code 9876543210}), the same after a trunk 0 or
 *       after 91 (a {@code +} lost to URL decoding), and 0 + 10 digits for landlines;
 *   <li>other national numbers when written as one: 10 to 12 digits in three or more groups or with
 *       a parenthesised area code, {@code (555) 123-4567}, {@code 022 2345 6789}.
 * </ul>
 *
 * <p>libphonenumber's {@code findNumbers} was the first choice and was measured: at
 * {@code Leniency.VALID} it misses well-formed numbers in unassigned ranges ({@code +1-555-123-4567}),
 * at {@code POSSIBLE} it masks dates, IP addresses and digits inside ids, and it costs about 170 µs
 * per message; this scanner is linear and decides on shape alone.
 */
public final class PhoneNumberMasking {

    public static final String MASK = "<phone>";

    private static final int MIN_DIGITS = 8;
    private static final int MAX_GROUPS = 12;
    private static final int MAX_DIGITS = 17; // 00 + the 15 digits of E.164
    private static final int SPACE = 1;
    private static final int DASH = 2;
    private static final int DOT = 4;

    private PhoneNumberMasking() {}

    /** The text with every phone number replaced by {@code <phone>}; the same instance if none. */
    public static String mask(String text) {
        if (text == null || !hasDigits(text, MIN_DIGITS)) {
            return text;
        }
        StringBuilder masked = null;
        int copied = 0;
        int i = 0;
        while (i < text.length()) {
            int end = canStartAt(text, i) ? numberEnd(text, i) : -1;
            if (end > i) {
                if (masked == null) {
                    masked = new StringBuilder(text.length());
                }
                masked.append(text, copied, i).append(MASK);
                copied = end;
                i = end;
            } else {
                i++;
            }
        }
        return masked == null
                ? text
                : masked.append(text, copied, text.length()).toString();
    }

    private static boolean canStartAt(String text, int i) {
        char c = text.charAt(i);
        if (!(isDigit(c) || c == '+' || c == '(' || isEncodedPlus(text, i))) {
            return false;
        }
        if (i == 0 || (i >= 3 && (isEncodedPlus(text, i - 3) || text.startsWith("%20", i - 3)))) {
            return true;
        }
        char before = text.charAt(i - 1);
        // part of an identifier, a decimal, a negative or longer number, or another match
        return !(Character.isLetterOrDigit(before)
                || before == '_'
                || before == '.'
                || before == '-'
                || before == '+'
                || before == '%');
    }

    /** Where the longest phone number starting at {@code start} ends, or -1. */
    private static int numberEnd(String text, int start) {
        int n = text.length();
        int p = start;
        boolean international = false;
        if (text.charAt(p) == '+') {
            international = true;
            p++;
        } else if (text.charAt(p) == '%') {
            international = true;
            p += 3;
        }
        StringBuilder digits = new StringBuilder(MAX_DIGITS + 4);
        int[] groupLengths = new int[MAX_GROUPS];
        int groups = 0;
        int separators = 0;
        boolean parenthesised = false;
        int best = -1;
        while (p < n && groups < MAX_GROUPS && digits.length() <= MAX_DIGITS) {
            boolean open = text.charAt(p) == '(';
            int from = open ? p + 1 : p;
            int to = from;
            while (to < n && isDigit(text.charAt(to))) {
                to++;
            }
            if (to == from || (open && (to >= n || text.charAt(to) != ')'))) {
                break;
            }
            digits.append(text, from, to);
            groupLengths[groups++] = to - from;
            parenthesised |= open;
            int end = open ? to + 1 : to;
            if (endsCleanly(text, end)
                    && isPhoneNumber(digits, international, groupLengths, groups, separators, parenthesised)) {
                best = end;
            }
            if (end < n && open && isDigit(text.charAt(end))) {
                p = end; // (555)123-4567
                continue;
            }
            int separator = end < n ? separatorBit(text.charAt(end)) : 0;
            if (separator == 0 || end + 1 >= n || !(isDigit(text.charAt(end + 1)) || text.charAt(end + 1) == '(')) {
                break;
            }
            separators |= separator;
            p = end + 1;
        }
        return best;
    }

    private static boolean isPhoneNumber(
            CharSequence digits,
            boolean international,
            int[] groupLengths,
            int groups,
            int separators,
            boolean parenthesised) {
        int length = digits.length();
        if (international) {
            return length >= 8 && length <= 15 && digits.charAt(0) != '0';
        }
        if (length >= 10 && digits.charAt(0) == '0' && digits.charAt(1) == '0' && digits.charAt(2) != '0') {
            return length - 2 >= 8 && length - 2 <= 15; // 00 and a country code
        }
        boolean indian = isIndian(digits);
        if (groups == 1) {
            return indian;
        }
        if (separators == DOT) {
            // dots alone also write decimals, versions and IP addresses: only 555.123.4567
            return groups == 3 && groupLengths[0] == 3 && groupLengths[1] == 3 && groupLengths[2] == 4;
        }
        if (looksLikeDate(groupLengths, groups)) {
            return false;
        }
        return indian || (length >= 10 && length <= 12 && (groups >= 3 || parenthesised));
    }

    /** 9876543210, 09876543210 (or a 0 + 10-digit landline), 919876543210. */
    private static boolean isIndian(CharSequence d) {
        int length = d.length();
        return (length == 10 && d.charAt(0) >= '6')
                || (length == 11 && d.charAt(0) == '0' && d.charAt(1) != '0')
                || (length == 12 && d.charAt(0) == '9' && d.charAt(1) == '1' && d.charAt(2) >= '6');
    }

    /** 2026-01-15 …, 15-01-2026 … */
    private static boolean looksLikeDate(int[] lengths, int groups) {
        return groups >= 3
                && ((lengths[0] == 4 && lengths[1] <= 2 && lengths[2] <= 2)
                        || (lengths[0] <= 2 && lengths[1] <= 2 && lengths[2] == 4));
    }

    /** Nothing that would make the digits part of a longer token follows. */
    private static boolean endsCleanly(String text, int end) {
        if (end >= text.length()) {
            return true;
        }
        char next = text.charAt(end);
        if (Character.isLetterOrDigit(next) || next == '_') {
            return false;
        }
        boolean continues = end + 1 < text.length() && Character.isLetterOrDigit(text.charAt(end + 1));
        // a UUID or id goes on after a dash, a decimal or host name after a dot, a time after a colon
        return !(continues && (next == '-' || next == '.' || next == ':'));
    }

    private static int separatorBit(char c) {
        return switch (c) {
            case ' ' -> SPACE;
            case '-' -> DASH;
            case '.' -> DOT;
            default -> 0;
        };
    }

    private static boolean isEncodedPlus(String text, int i) {
        return i + 2 < text.length()
                && text.charAt(i) == '%'
                && text.charAt(i + 1) == '2'
                && (text.charAt(i + 2) == 'B' || text.charAt(i + 2) == 'b');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean hasDigits(String text, int atLeast) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (isDigit(text.charAt(i)) && ++count >= atLeast) {
                return true;
            }
        }
        return false;
    }
}
