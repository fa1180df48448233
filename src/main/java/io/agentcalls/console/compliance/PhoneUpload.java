package io.agentcalls.console.compliance;

import io.agentcalls.console.ConsoleException;
import io.agentcalls.number.DoNotCallService;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The phones of a do-not-call upload: the first column of each row of a CSV (a first row that is
 * not a phone, such as {@code phone}, is a header), or of each line of the text box; at most
 * {@link DoNotCallService#MAX_PHONES_PER_REQUEST}, which the service checks one by one.
 */
final class PhoneUpload {

    private PhoneUpload() {}

    static List<String> read(InputStream csv) throws IOException {
        Reader reader = new InputStreamReader(csv, StandardCharsets.UTF_8);
        List<String> phones = new ArrayList<>();
        try (CSVParser parser =
                CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get().parse(reader)) {
            for (CSVRecord row : parser) {
                String first = row.get(0).strip();
                if (first.isEmpty() || (row.getRecordNumber() == 1 && !first.matches("[+0-9() -]+"))) {
                    continue;
                }
                if (phones.size() == DoNotCallService.MAX_PHONES_PER_REQUEST) {
                    throw tooMany();
                }
                phones.add(first);
            }
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw ConsoleException.badRequest("The file is not a CSV: " + e.getMessage());
        }
        return phones;
    }

    static List<String> lines(String text) {
        List<String> phones = new ArrayList<>();
        for (String line : text.split("[\\r\\n,;]+")) {
            if (!line.isBlank()) {
                if (phones.size() == DoNotCallService.MAX_PHONES_PER_REQUEST) {
                    throw tooMany();
                }
                phones.add(line.strip());
            }
        }
        return phones;
    }

    private static ConsoleException tooMany() {
        return ConsoleException.badRequest(
                "At most " + DoNotCallService.MAX_PHONES_PER_REQUEST + " phones at a time; split the list");
    }
}
