package io.agentcalls.customer;

import io.agentcalls.common.ApiException;

/**
 * Counts rows, values per row and value lengths of CSV bytes as they stream past, without decoding
 * or building a record, so the caps hold before the file is parsed at all. It follows the reader's
 * rules (RFC 4180 as Commons CSV reads it): a quote opens a quoted value only as the value's first
 * byte, {@code ""} inside it is a quote, CR, LF and CRLF end a row, an empty line is no row. What
 * the reader would refuse (a closing quote followed by text) is left for the reader to name.
 */
final class CsvShape {

    private final long maxRows;
    private final long maxFieldBytes;
    private final int maxColumns;

    private long line = 1;
    private long records;
    private int values;
    private long fieldBytes;
    private boolean fieldStarted;
    private boolean quoted;
    private boolean quoteSeen;
    private boolean afterCarriageReturn;

    CsvShape(CsvImportProperties limits) {
        this.maxRows = limits.maxRows();
        this.maxFieldBytes = limits.maxFieldBytes().toBytes();
        this.maxColumns = limits.maxColumns();
    }

    /** Data rows seen so far (records after the header). */
    long rows() {
        return Math.max(0, records - 1);
    }

    void accept(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            accept(bytes[i]);
        }
    }

    private void accept(byte b) {
        boolean lineFeedOfCrLf = afterCarriageReturn && b == '\n';
        afterCarriageReturn = false;
        if (quoted) {
            if (quoteSeen && b != '"') {
                quoted = false; // the quote closed the value; this byte is read as outside it
            } else {
                if (b == '"') {
                    quoteSeen = !quoteSeen; // a second quote in a row is a quote in the value
                    if (quoteSeen) {
                        return;
                    }
                }
                countLine(b, lineFeedOfCrLf);
                grow();
                return;
            }
        }
        quoteSeen = false;
        if (lineFeedOfCrLf) {
            return;
        }
        switch (b) {
            case ',' -> endValue();
            case '\r', '\n' -> {
                endRow();
                line++;
                afterCarriageReturn = b == '\r';
            }
            case '"' -> {
                if (fieldStarted) {
                    grow();
                } else {
                    quoted = true;
                    fieldStarted = true;
                }
            }
            default -> grow();
        }
    }

    /** After the last byte: a last row without a line break still counts. */
    void finish() {
        endRow();
    }

    /** A line break inside a quoted value: the reader's line numbers count it too, CRLF once. */
    private void countLine(byte b, boolean lineFeedOfCrLf) {
        if (b == '\r' || (b == '\n' && !lineFeedOfCrLf)) {
            line++;
        }
        afterCarriageReturn = b == '\r';
    }

    private void grow() {
        fieldStarted = true;
        if (++fieldBytes > maxFieldBytes) {
            throw ApiException.validation("CSV line " + line + ": a value must not be longer than "
                    + Sizes.describe(maxFieldBytes) + " (agentcalls.imports.max-field-bytes)");
        }
    }

    private void endValue() {
        if (++values >= maxColumns) {
            throw ApiException.validation("CSV line " + line + ": a row must not have more than " + maxColumns
                    + " values (agentcalls.imports.max-columns)");
        }
        fieldBytes = 0;
        fieldStarted = false;
    }

    private void endRow() {
        boolean emptyLine = values == 0 && !fieldStarted;
        values = 0;
        fieldBytes = 0;
        fieldStarted = false;
        quoted = false;
        quoteSeen = false;
        if (!emptyLine && ++records - 1 > maxRows) {
            throw ApiException.validation(
                    "CSV must not have more than " + maxRows + " rows (agentcalls.imports.max-rows)");
        }
    }
}
