package io.agentcalls.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After the service dies hard (kill -9, out of memory) its PostgreSQL keeps running and holds the
 * data folder. The next start finds it through {@code postmaster.pid} and stops it, so a restart on
 * the same folder never fails; PostgreSQL's own crash recovery makes the data consistent.
 */
final class OrphanedPostmaster {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);
    private static final Duration GRACE = Duration.ofSeconds(30);

    private OrphanedPostmaster() {}

    static void stopIfRunning(Path dataDirectory) throws IOException {
        Optional<ProcessHandle> postmaster = find(dataDirectory.resolve("postmaster.pid"));
        if (postmaster.isEmpty()) {
            return;
        }
        ProcessHandle process = postmaster.get();
        log.warn("Stopping PostgreSQL (pid {}) left running on {} by an earlier process", process.pid(), dataDirectory);
        // SIGTERM is PostgreSQL's smart shutdown; the dead service's connections are already gone.
        process.destroy();
        try {
            process.onExit().get(GRACE.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception timeoutOrInterrupt) {
            log.warn("PostgreSQL (pid {}) did not stop in {}; killing it", process.pid(), GRACE);
            process.destroyForcibly();
            process.onExit().join();
        }
    }

    private static Optional<ProcessHandle> find(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
    }
}
