package io.agentcalls.common.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every log output the application can be configured with masks phone numbers: the console and
 * file patterns, and structured JSON (ecs, logstash, gelf) on either. Each case runs
 * {@link LogSample} in its own JVM, because logging is configured once per JVM and the other tests
 * share this one.
 */
class LogOutputMaskingTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @Test
    void consoleAndFilePatterns() throws Exception {
        Path file = dir.resolve("agentcalls.log");
        String console = runSample("--logging.file.name=" + file);

        for (String output : List.of(console, Files.readString(file))) {
            assertMasked(output);
            assertThat(output)
                    .contains("dial failed for <phone>")
                    .contains("java.lang.IllegalStateException: could not call <phone>")
                    .contains("Caused by: java.io.IOException: provider refused <phone>")
                    .contains("at io.agentcalls.common.logging.LogSample.main(LogSample.java:");
        }
    }

    @Test
    void ecsOnTheConsoleAndLogstashInTheFile() throws Exception {
        Path file = dir.resolve("agentcalls.json");
        String console = runSample(
                "--logging.structured.format.console=ecs",
                "--logging.structured.format.file=logstash",
                "--logging.file.name=" + file);

        List<JsonNode> ecs = jsonLines(console);
        assertMasked(console);
        JsonNode error = sampleError(ecs, "/message");
        assertThat(error.at("/message").asString()).isEqualTo("dial failed for <phone>");
        assertThat(error.at("/error/message").asString()).isEqualTo("could not call <phone>");
        assertThat(error.at("/error/stack_trace").asString()).contains("provider refused <phone>");
        assertThat(error.at("/customerPhone").asString()).isEqualTo("<phone>");

        String logstashText = Files.readString(file);
        List<JsonNode> logstash = jsonLines(logstashText);
        assertMasked(logstashText);
        JsonNode logged = sampleError(logstash, "/message");
        assertThat(logged.at("/stack_trace").asString())
                .contains("could not call <phone>")
                .contains("provider refused <phone>");
        assertThat(logged.at("/customerPhone").asString()).isEqualTo("<phone>");
    }

    @Test
    void gelfOnTheConsole() throws Exception {
        String console = runSample("--logging.structured.format.console=gelf");

        List<JsonNode> gelf = jsonLines(console);
        assertMasked(console);
        JsonNode error = sampleError(gelf, "/short_message");
        assertThat(error.at("/short_message").asString()).isEqualTo("dial failed for <phone>");
        assertThat(error.toString()).contains("provider refused <phone>");
    }

    /** The sample's lines as any output shows them (JSON escapes quotes, so none are compared). */
    private static void assertMasked(String output) {
        assertThat(output)
                .contains(
                        "calling <phone> | <phone> | <phone> | <phone> | <phone> | <phone> | <phone> | <phone> | <phone>")
                .contains("<phone>") // the JSON body, however the format escapes its quotes
                .contains("from /api/v1/customers?phone=<phone>")
                .contains("kept " + String.join(" | ", LogSample.NOT_PHONES))
                .doesNotContain("98765")
                // the sample's 555 numbers by their other digits: a nanosecond timestamp may hold "555"
                .doesNotContain("123-4567");
    }

    /** The sample's ERROR line, found by its message under the format's message field. */
    private static JsonNode sampleError(List<JsonNode> lines, String messagePointer) {
        return lines.stream()
                .filter(line -> line.at(messagePointer).asString().startsWith("dial failed"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no sample error line in " + lines));
    }

    /** Each line of a structured log parsed: every line is one JSON object. */
    private static List<JsonNode> jsonLines(String output) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : output.split("\\R")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        assertThat(lines).isNotEmpty();
        return lines;
    }

    /** Runs {@link LogSample} in a new JVM on this test's class path; its standard output. */
    private String runSample(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add(LogSample.class.getName());
        command.addAll(List.of(arguments));
        Path stdout = dir.resolve("stdout.txt");
        Process process = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(stdout, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
