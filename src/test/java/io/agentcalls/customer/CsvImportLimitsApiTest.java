package io.agentcalls.customer;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.support.TrickleUpload;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each cap of the CSV import over HTTP, at its default: refused with a 400 naming the cap, nothing
 * written, no spooled file left behind. The byte caps are reached by a declared length, so no test
 * sends a gigabyte.
 */
class CsvImportLimitsApiTest extends CustomerApiTestBase {

    private String key;
    private String campaign;

    @BeforeEach
    void campaignWithOneCustomer() {
        key = newOrganization();
        campaign = newCampaign(key);
        assertThat(counts(importCsv(key, campaign, "id,phone\nKEEP,9812345678\n")))
                .isEqualTo("1/1/0/0");
    }

    @Test
    void aValueLongerThan64KbIsRefusedNamingTheCapAndLine() {
        String csv = "id,phone,note\nA,9812345678,ok\nB,9812345679," + "x".repeat(64 * 1024 + 1) + "\n";

        assertValidationFailed(
                importCsv(key, campaign, csv),
                "CSV line 3: a value must not be longer than 64 KB (agentcalls.imports.max-field-bytes)");
        assertNothingChanged();
    }

    @Test
    void aRowOfMoreThan200ValuesIsRefused() {
        String csv = "id,phone\nA,9812345678" + ",x".repeat(199) + "\n";

        assertValidationFailed(
                importCsv(key, campaign, csv),
                "CSV line 2: a row must not have more than 200 values (agentcalls.imports.max-columns)");
        assertNothingChanged();
    }

    @Test
    void moreThanFiveMillionRowsAreRefused() {
        byte[] csv = new byte[9 + 2 * 5_000_001];
        System.arraycopy("id,phone\n".getBytes(StandardCharsets.US_ASCII), 0, csv, 0, 9);
        for (int i = 9; i < csv.length; i += 2) {
            csv[i] = 'x';
            csv[i + 1] = '\n';
        }

        assertValidationFailed(
                importCsvBytes(key, campaign, csv),
                "CSV must not have more than 5000000 rows (agentcalls.imports.max-rows)");
        assertNothingChanged();
    }

    @Test
    void aDeclaredLengthOverOneGigabyteIsRefusedBeforeTheBodyIsRead() throws IOException {
        String answer =
                rawRequest("Content-Type: text/csv", "Content-Length: " + ((1L << 30) + 1), "id,phone\nA,9812345678\n");

        assertThat(answer)
                .startsWith("HTTP/1.1 400")
                .contains("CSV must not be larger than 1 GB (agentcalls.imports.max-bytes)");
        assertNothingChanged();
    }

    @Test
    void aMultipartBodyOverTheCapIsRefusedNamingIt() throws IOException {
        String answer = rawRequest(
                "Content-Type: multipart/form-data; boundary=b",
                "Content-Length: " + (2L << 30),
                "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"c.csv\"\r\n\r\nid,phone\n");

        assertThat(answer)
                .startsWith("HTTP/1.1 400")
                .contains("CSV must not be larger than 1 GB (agentcalls.imports.max-bytes)");
        assertNothingChanged();
    }

    @Test
    void anUnknownCampaignIsA404BeforeAnyByteOfTheBodyIsRead() throws IOException {
        try (TrickleUpload upload = TrickleUpload.start(
                port,
                "POST",
                customersPath("cmp_00000000000000000000000000000000") + "/import",
                "Authorization: Bearer " + key,
                "Content-Type: text/csv")) {
            assertThat(upload.readAnswer()).startsWith("HTTP/1.1 404").contains("Campaign not found");
        }
    }

    @Test
    void anInterruptedUploadWritesNothingAndLeavesNoFile() throws IOException {
        try (TrickleUpload upload = TrickleUpload.start(
                port,
                "POST",
                customersPath(campaign) + "/import",
                "Authorization: Bearer " + key,
                "Content-Type: text/csv")) {
            upload.send("id,phone\nNEW-1,9812345670\n");
        }
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(spoolFiles()).isEmpty());
        assertNothingChanged();
    }

    private void assertNothingChanged() {
        assertThat(customerCount(campaign)).isEqualTo(1);
        assertThat(spoolFiles()).as("no spooled upload is left behind").isEmpty();
    }

    private static java.util.List<Path> spoolFiles() {
        try (Stream<Path> files = Files.list(Path.of("target/test-spool"))) {
            return files.toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A request with the given headers and the start of a body, its declared length a lie. */
    private String rawRequest(String contentType, String contentLength, String bodyStart) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + customersPath(campaign) + "/import HTTP/1.1\r\nHost: localhost\r\n"
                            + "Authorization: Bearer " + key + "\r\n" + contentType + "\r\n" + contentLength
                            + "\r\n\r\n" + bodyStart)
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = new byte[4096];
            int n = in.read(answer);
            return n < 0 ? "" : new String(answer, 0, n, StandardCharsets.UTF_8);
        }
    }
}
