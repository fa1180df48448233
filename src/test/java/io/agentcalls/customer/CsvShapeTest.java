package io.agentcalls.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcalls.common.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class CsvShapeTest {

    private static CsvImportProperties limits(long rows, long fieldBytes, int columns) {
        return new CsvImportProperties(
                DataSize.ofMegabytes(1), rows, DataSize.ofBytes(fieldBytes), columns, 1, Duration.ofMinutes(1), null);
    }

    private static CsvShape scan(CsvImportProperties limits, String csv) {
        CsvShape shape = new CsvShape(limits);
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i += 3) { // in uneven pieces, as a socket delivers them
            byte[] piece = java.util.Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + 3));
            shape.accept(piece, piece.length);
        }
        shape.finish();
        return shape;
    }

    private static String errorOf(CsvImportProperties limits, String csv) {
        return ((ApiException) org.assertj.core.api.Assertions.catchThrowable(() -> scan(limits, csv)))
                .errors()
                .get(0);
    }

    @Test
    void countsDataRowsAsTheReaderDoes() {
        CsvImportProperties roomy = limits(100, 100, 10);
        assertThat(scan(roomy, "id,phone\nA,1\nB,2\n").rows()).isEqualTo(2);
        assertThat(scan(roomy, "id,phone\r\nA,1\r\n\r\n\nB,2").rows())
                .as("CRLF, empty lines, no last break")
                .isEqualTo(2);
        assertThat(scan(roomy, "id,name\nA,\"two\nlines, one value\"\nB,\"say \"\"hi\"\"\"\n")
                        .rows())
                .as("a quoted value may hold breaks, commas and quotes")
                .isEqualTo(2);
        assertThat(scan(roomy, "id\n\"\"\n").rows())
                .as("a quoted empty value is a row")
                .isEqualTo(1);
        assertThat(scan(roomy, "").rows()).isZero();
    }

    @Test
    void refusesMoreRowsThanTheCap() {
        assertThat(scan(limits(2, 100, 10), "id\nA\nB\n").rows()).isEqualTo(2);
        assertThat(errorOf(limits(2, 100, 10), "id\nA\nB\nC\n"))
                .isEqualTo("CSV must not have more than 2 rows (agentcalls.imports.max-rows)");
    }

    @Test
    void refusesAValueLongerThanTheCapNamingItsLine() {
        assertThat(scan(limits(10, 5, 10), "id,n\nA,12345\nB,\"1\"\"345\"\n").rows())
                .as("the quotes around a value are not part of it; an escaped quote is one byte")
                .isEqualTo(2);
        assertThat(errorOf(limits(10, 5, 10), "id,n\r\nA,123456\r\n"))
                .isEqualTo("CSV line 2: a value must not be longer than 5 bytes (agentcalls.imports.max-field-bytes)");
        assertThat(errorOf(limits(10, 5, 10), "id,n\nA,\"1\n2\n3\"\nB,\"123456\"\n"))
                .as("lines inside a quoted value count, as the reader counts them")
                .startsWith("CSV line 5:");
        assertThat(errorOf(limits(10, 1024, 10), "id\n\"" + "x".repeat(2000)))
                .as("an unclosed quote cannot swallow the rest of the file unbounded")
                .isEqualTo("CSV line 2: a value must not be longer than 1 KB (agentcalls.imports.max-field-bytes)");
        assertThat(scan(limits(10, 5, 10), "id,n\nA,ab\"cd\n").rows())
                .as("a quote inside an unquoted value is a character")
                .isEqualTo(1);
    }

    @Test
    void refusesMoreValuesInARowThanTheCap() {
        assertThat(scan(limits(10, 10, 3), "a,b,c\n1,2,3\n").rows()).isEqualTo(1);
        assertThat(errorOf(limits(10, 10, 3), "a,b,c\n1,2,3,4\n"))
                .isEqualTo("CSV line 2: a row must not have more than 3 values (agentcalls.imports.max-columns)");
        assertThat(scan(limits(10, 10, 3), "a,b,c\n1,\"2,2,2\",3\n").rows())
                .as("commas inside quotes separate nothing")
                .isEqualTo(1);
    }

    @Test
    void theCapsMustBeSane() {
        assertThatThrownBy(() -> new CsvImportProperties(
                        DataSize.ofBytes(10), 1, DataSize.ofBytes(11), 1, 1, Duration.ofMinutes(1), null))
                .hasMessage("agentcalls.imports.max-field-bytes must be positive and at most max-bytes");
        assertThatThrownBy(() -> new CsvImportProperties(
                        DataSize.ofBytes(10), 1, DataSize.ofBytes(1), 1, 0, Duration.ofMinutes(1), null))
                .hasMessage("agentcalls.imports.max-concurrent must be positive");
    }
}
