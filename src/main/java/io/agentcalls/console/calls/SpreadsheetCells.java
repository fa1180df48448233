package io.agentcalls.console.calls;

/**
 * Text a client chose (a customer's id or name, a disposition label) made safe to open in a
 * spreadsheet: a cell starting with {@code = + - @}, a tab or a carriage return would be read as a
 * formula, so it is prefixed with an apostrophe (OWASP's advice on CSV injection).
 */
final class SpreadsheetCells {

    private SpreadsheetCells() {}

    static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value
                : value;
    }
}
