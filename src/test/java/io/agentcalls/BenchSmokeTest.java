package io.agentcalls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps bench/run.sh from rotting: the whole suite at 2,000 customers with 3 s of load, a thousand
 * runner events and no scaling (under a minute), against the compiled classes, so the build needs no
 * jar. It checks that every part ran and reported, not how fast: the figures are for
 * docs/PERFORMANCE.md. Skipped where wrk is missing (bench/run.sh would install it; a test should not).
 */
class BenchSmokeTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();

    @Test
    void theSuiteRunsEveryPartAndWritesItsFigures() throws Exception {
        assumeThat(onPath("wrk")).as("wrk is installed").isTrue();
        Path smoke = ROOT.resolve("target/bench-smoke");
        Path results = smoke.resolve("results");
        deleteRecursively(results);
        Files.createDirectories(results);
        Path log = smoke.resolve("run.log");
        ProcessBuilder run = new ProcessBuilder("bash", "bench/run.sh", "--customers", "2000", "--smoke")
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        run.environment().put("BENCH_SERVER_CLASSPATH", serverClasspath());
        run.environment().put("BENCH_WORK_DIR", smoke.resolve("work").toString());
        run.environment().put("BENCH_RESULTS_DIR", results.toString());

        Process process = run.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroy(); // SIGTERM: the script's trap stops the server and its database
            process.waitFor(1, TimeUnit.MINUTES);
        }

        String output = Files.readString(log);
        assertThat(process.exitValue()).as(output).isZero();
        JsonNode figures;
        try (Stream<Path> files = Files.list(results)) {
            List<Path> json = files.toList();
            assertThat(json).as(output).hasSize(1);
            figures = JsonMapper.builder().build().readTree(json.get(0).toFile());
        }
        assertThat(figures.path("customers").asInt()).isEqualTo(2000);
        assertThat(figures.at("/import/rowsPerSecond").asDouble()).isPositive();
        assertThat(figures.at("/dryRun/customersSelected").asInt()).isPositive();
        assertThat(figures.at("/initiation/seconds").asDouble()).isPositive();
        assertThat(figures.at("/initiation/bareSqlSeconds").asDouble()).isPositive();
        assertThat(figures.at("/events/eventsPerSecond").asDouble()).isPositive();
        assertThat(figures.at("/events/bareSqlRowsPerSecond").asDouble()).isPositive();
        assertThat(figures.at("/loadInitiation/requests").asInt()).isPositive();
        assertThat(figures.at("/loadHealth/requests").asInt()).isPositive();
        assertThat(figures.at("/memory/heapPeakMb").asInt()).isPositive();
        assertThat(figures.at("/scaling/0/customers").asInt()).isEqualTo(2000);
    }

    /**
     * The main classes and every dependency, without the test classes. Surefire runs tests from a
     * jar whose manifest holds the real class path; read it from there when that is the case.
     */
    private static String serverClasspath() throws IOException {
        List<String> entries =
                new ArrayList<>(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
        if (entries.size() == 1 && entries.get(0).endsWith(".jar")) {
            Path booter = Path.of(entries.get(0)).toAbsolutePath();
            try (JarFile jar = new JarFile(booter.toFile())) {
                String manifestPath = jar.getManifest().getMainAttributes().getValue("Class-Path");
                if (manifestPath != null) {
                    entries.clear();
                    for (String entry : manifestPath.trim().split("\\s+")) {
                        entries.add(
                                entry.startsWith("file:")
                                        ? Path.of(URI.create(entry)).toString()
                                        : booter.resolveSibling(entry)
                                                .normalize()
                                                .toString());
                    }
                }
            }
        }
        return String.join(
                File.pathSeparator,
                entries.stream()
                        .filter(entry -> !Path.of(entry).endsWith("test-classes"))
                        .toList());
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv("PATH").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(path);
            }
        }
    }
}
