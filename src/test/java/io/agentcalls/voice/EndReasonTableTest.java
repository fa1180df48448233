package io.agentcalls.voice;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.call.CallStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every end reason each provider publishes, with the status it gives a call, answered or not: the
 * tables under src/test/resources/voice list every value of the documents we read (Vapi's 627
 * {@code endedReason}s, Retell's {@code disconnection_reason}s), and docs/PROVIDERS.md shows the same rows.
 */
class EndReasonTableTest {

    record Row(String provider, String reason, CallStatus answered, CallStatus notAnswered) {}

    static List<Row> rows(String provider, String resource) {
        try (InputStream in = EndReasonTableTest.class.getResourceAsStream("/voice/" + resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t"))
                    .map(cells -> new Row(provider, cells[0], status(cells[1]), status(cells[2])))
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Arguments> vapi() {
        return rows("vapi", "vapi-ended-reasons.tsv").stream().map(Arguments::of);
    }

    static Stream<Arguments> retell() {
        return rows("retell", "retell-disconnection-reasons.tsv").stream().map(Arguments::of);
    }

    private static CallStatus status(String value) {
        return CallStatus.parse(value).orElseThrow(() -> new IllegalArgumentException(value));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vapi")
    void everyVapiEndedReasonHasItsStatus(Row row) {
        assertThat(VapiEndReasons.status(row.reason(), true)).isEqualTo(row.answered());
        assertThat(VapiEndReasons.status(row.reason(), false)).isEqualTo(row.notAnswered());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("retell")
    void everyRetellDisconnectionReasonHasItsStatus(Row row) {
        assertThat(RetellEndReasons.status(row.reason(), true)).isEqualTo(row.answered());
        assertThat(RetellEndReasons.status(row.reason(), false)).isEqualTo(row.notAnswered());
    }

    @Test
    void theTablesCoverEveryPublishedValue() {
        assertThat(rows("vapi", "vapi-ended-reasons.tsv")).hasSize(627);
        assertThat(rows("retell", "retell-disconnection-reasons.tsv")).hasSize(34);
    }

    @Test
    void aReasonNewerThanTheDocumentsFollowsWhetherTheCallWasAnswered() {
        assertThat(RetellEndReasons.status("something_new", true)).isEqualTo(CallStatus.COMPLETED);
        assertThat(RetellEndReasons.status("something_new", false)).isEqualTo(CallStatus.FAILED);
        assertThat(VapiEndReasons.status(null, true)).isEqualTo(CallStatus.COMPLETED);
        assertThat(VapiEndReasons.status(null, false)).isEqualTo(CallStatus.FAILED);
    }

    @Test
    void docsProvidersShowsTheSameTable() throws IOException {
        String docs = Files.readString(Path.of("docs/PROVIDERS.md"));
        Stream.concat(
                        rows("vapi", "vapi-ended-reasons.tsv").stream(),
                        rows("retell", "retell-disconnection-reasons.tsv").stream())
                .forEach(row -> assertThat(docs)
                        .as(row.provider() + " " + row.reason())
                        .contains("| " + row.provider() + " | `" + row.reason() + "` | "
                                + row.answered().value() + " | "
                                + row.notAnswered().value() + " |"));
    }
}
