package io.agentcalls.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.agentcalls.common.ApiException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/** Every cap of the spooling step, and that the spool file is gone whatever happens. */
class CsvSpoolerTest {

    @TempDir
    Path spoolDirectory;

    private CsvImportProperties limits(long maxBytes, int concurrent, Duration duration) {
        return new CsvImportProperties(
                DataSize.ofBytes(maxBytes),
                1000,
                DataSize.ofBytes(Math.min(100, maxBytes)),
                20,
                concurrent,
                duration,
                spoolDirectory);
    }

    private static InputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private long spoolFiles() throws IOException {
        try (Stream<Path> files = Files.list(spoolDirectory)) {
            return files.count();
        }
    }

    @Test
    void spoolsTheWholeUploadAndDeletesItOnClose() throws IOException {
        CsvSpooler spooler = new CsvSpooler(limits(1000, 1, Duration.ofMinutes(1)));

        try (SpooledCsv spooled = spooler.spool(csv("id,phone\nA,9812345678\n"))) {
            assertThat(Files.readString(spooled.file())).isEqualTo("id,phone\nA,9812345678\n");
            assertThat(Files.getPosixFilePermissions(spooled.file()))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            assertThat(spooler.inProgress()).isEqualTo(1);
        }

        assertThat(spoolFiles()).isZero();
        assertThat(spooler.inProgress()).isZero();
    }

    @Test
    void aBodyOverTheByteCapIsRefusedAndItsFileDeleted() throws IOException {
        CsvSpooler spooler = new CsvSpooler(limits(20, 1, Duration.ofMinutes(1)));

        ApiException refused = catchThrowableOfType(
                ApiException.class, () -> spooler.spool(csv("id,phone\nA,9812345678\nB,9812345679\n")));

        assertThat(refused.errors())
                .containsExactly("CSV must not be larger than 20 bytes (agentcalls.imports.max-bytes)");
        assertThat(catchThrowableOfType(ApiException.class, () -> spooler.refuseDeclaredLength(21)))
                .as("a declared length over the cap, before reading")
                .isNotNull();
        assertThat(spoolFiles()).isZero();
        assertThat(spooler.inProgress()).isZero();
    }

    @Test
    void anUploadThatTakesTooLongIsRefused() throws IOException {
        Instant[] now = {Instant.parse("2026-01-01T00:00:00Z")};
        Clock clock = new Clock() {
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            public Instant instant() {
                return now[0];
            }
        };
        CsvSpooler spooler = new CsvSpooler(limits(1000, 1, Duration.ofMinutes(2)), clock);
        InputStream trickle = new InputStream() {
            private int sent;

            @Override
            public int read() {
                now[0] = now[0].plusSeconds(1); // a line "x" every two seconds, forever
                return sent++ % 2 == 0 ? 'x' : '\n';
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                buffer[offset] = (byte) read();
                return 1;
            }
        };

        ApiException refused = catchThrowableOfType(ApiException.class, () -> spooler.spool(trickle));

        assertThat(refused.errors())
                .containsExactly("CSV upload must not take longer than 2 minutes (agentcalls.imports.max-duration)");
        assertThat(spoolFiles()).isZero();
    }

    @Test
    void aClientThatGoesAwayIsA400AndLeavesNoFile() throws IOException {
        CsvSpooler spooler = new CsvSpooler(limits(1000, 1, Duration.ofMinutes(1)));
        InputStream cut = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent++ > 5) {
                    throw new java.io.EOFException("Unexpected EOF read on the socket");
                }
                return 'a';
            }
        };

        ApiException refused = catchThrowableOfType(ApiException.class, () -> spooler.spool(cut));

        assertThat(refused.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.errors()).containsExactly("the CSV upload was interrupted before its end");
        assertThat(spoolFiles()).isZero();
    }

    @Test
    void moreImportsAtOnceThanTheCapAreToldToRetryLater() {
        CsvSpooler spooler = new CsvSpooler(limits(1000, 1, Duration.ofMinutes(1)));
        try (SpooledCsv first = spooler.spool(csv("id\nA\n"))) {
            ApiException busy = catchThrowableOfType(ApiException.class, () -> spooler.spool(csv("id\n")));
            assertThat(busy.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(busy.retryAfterSeconds())
                    .hasValueSatisfying(seconds -> assertThat(seconds).isPositive());
            assertThat(busy.getMessage()).contains("agentcalls.imports.max-concurrent is 1");
        }
        try (SpooledCsv again = spooler.spool(csv("id\nB\n"))) {
            assertThat(again)
                    .as("the slot is free again once the first is closed")
                    .isNotNull();
        }
    }
}
