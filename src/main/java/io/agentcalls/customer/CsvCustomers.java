package io.agentcalls.customer;

import io.agentcalls.common.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ObjIntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A customer CSV read record by record (never whole): the header row names the columns, every data
 * row becomes a {@link ParsedCustomer}. Problems of the file itself (no header, no id column, broken
 * quoting, bytes that are not UTF-8) are a 400 for the whole file.
 */
final class CsvCustomers {

    private static final CSVFormat FORMAT =
            CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();
    private static final char REPLACEMENT_CHARACTER = '\uFFFD';
    private static final Pattern LINE = Pattern.compile("line:? ?(\\d+)");

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private String[] columnNames = {}; // the header's, once read: names the column of a refused cell
    private final CsvHeader header;

    private final IdRule rule;

    private CsvCustomers(CSVParser parser, IdRule rule) {
        this.rule = rule;
        this.parser = parser;
        this.records = parser.iterator();
        CSVRecord first = next();
        if (first == null) {
            throw ApiException.validation("CSV has no header row");
        }
        this.header = CsvHeader.of(first.values(), rule);
        this.columnNames = first.values();
    }

    /** Reads the header at once. */
    static CsvCustomers open(InputStream body) {
        return open(body, IdRule.ANY);
    }

    /** Reads the header at once; its id column must be the one {@code rule} takes. */
    static CsvCustomers open(InputStream body, IdRule rule) {
        // Bytes that are not UTF-8 become U+FFFD and fail the record that holds them (see next()):
        // a decoder that reports them would do so buffers ahead of the line being parsed.
        Reader reader = new InputStreamReader(body, StandardCharsets.UTF_8);
        try {
            return new CsvCustomers(
                    CSVParser.builder().setReader(reader).setFormat(FORMAT).get(), rule);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Custom field names of the header, in column order. */
    List<String> customFieldNames() {
        return header.customNames();
    }

    /** Hands every data row to {@code consumer} with its number (1 = the first row after the header). */
    void forEach(ObjIntConsumer<ParsedCustomer> consumer) {
        int row = 0;
        for (CSVRecord record = next(); record != null; record = next()) {
            consumer.accept(read(record), ++row);
        }
    }

    private ParsedCustomer read(CSVRecord record) {
        List<String> problems = new ArrayList<>(0);
        if (record.size() != header.size()) {
            problems.add("row has " + record.size() + " values but the header has " + header.size() + " columns");
            String id = header.id() < record.size() ? record.get(header.id()).strip() : null;
            return ParsedCustomer.of(id == null || id.isEmpty() ? null : id, null, problems);
        }
        String id =
                CustomerFields.id(header.label(StandardField.ID), record.get(header.id()), rule.missing(), problems);
        Map<String, Object> custom = new LinkedHashMap<>();
        List<String> customNames = header.customNames();
        for (int i = 0; i < customNames.size(); i++) {
            String name = customNames.get(i);
            String value = CustomerFields.customText(name, record.get(header.customColumns()[i]), problems);
            if (value != null) {
                custom.put(name, value);
            }
        }
        CustomerData data = CustomerReading.data(new CsvValues(record), id, custom, problems);
        return ParsedCustomer.of(id, data, problems);
    }

    /** One data row's standard fields: every cell is text, amounts and counts are read from it. */
    private final class CsvValues implements CustomerValues {

        private final CSVRecord record;

        CsvValues(CSVRecord record) {
            this.record = record;
        }

        @Override
        public boolean has(StandardField field) {
            return header.column(field) >= 0;
        }

        @Override
        public String label(StandardField field) {
            return header.label(field);
        }

        @Override
        public String text(StandardField field, List<String> problems) {
            int column = header.column(field);
            return column < 0 ? null : record.get(column);
        }

        @Override
        public java.math.BigDecimal amount(StandardField field, List<String> problems) {
            return CustomerFields.amount(label(field), text(field, problems), problems);
        }

        @Override
        public Integer count(StandardField field, List<String> problems) {
            return CustomerFields.count(label(field), text(field, problems), problems);
        }
    }

    private CSVRecord next() {
        long line = parser.getCurrentLineNumber() + 1;
        CSVRecord record;
        try {
            record = records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CSVException malformed) {
                throw unparsable(malformed, line);
            }
            throw e; // reading the body failed, e.g. the client went away: not the file's fault
        }
        if (record != null) {
            String[] values = record.values();
            for (int column = 0; column < values.length; column++) {
                if (values[column].indexOf(REPLACEMENT_CHARACTER) >= 0) {
                    throw ApiException.validation("CSV is not valid UTF-8 at line " + line);
                }
                // NUL is valid UTF-8 but no text PostgreSQL holds: like a broken encoding, it refuses the
                // file. (The decoder never yields a lone surrogate: those bytes become U+FFFD above.)
                if (values[column].indexOf('\0') >= 0) {
                    throw ApiException.validation("CSV column " + columnName(column)
                            + " must not contain NUL characters (line " + line + ")");
                }
            }
        }
        return record;
    }

    private String columnName(int column) {
        return column < columnNames.length && columnNames[column].indexOf('\0') < 0
                ? "'" + columnNames[column].replace("\uFEFF", "").strip() + "'"
                : String.valueOf(column + 1);
    }

    private static ApiException unparsable(CSVException cause, long line) {
        String message = String.valueOf(cause.getMessage());
        Matcher stated = LINE.matcher(message);
        if (stated.find()) {
            line = Long.parseLong(stated.group(1));
        }
        String reason = message.contains("EOF reached before encapsulated token finished")
                ? "a quoted value is not closed"
                : message.contains("Invalid character between encapsulated token and delimiter")
                        ? "a closing quote is followed by more text"
                        : "the file is not valid CSV";
        return ApiException.validation("CSV cannot be parsed at line " + line + ": " + reason);
    }
}
