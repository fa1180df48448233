import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The runner side of bench/run.sh's event ingestion: plays initiated calls through {@code ringing},
 * {@code in_progress} and {@code completed} (with a disposition) as a workflow runner would, through
 * the signed {@code POST /api/v1/runner/events}. One phase after the other, each call once per phase,
 * in requests of {@code batch} events, {@code threads} requests at a time.
 *
 * <p>{@code AGENTCALLS_RUNNER_SECRET=… java bench/Events.java <base url> <calls file> <threads> <batch>};
 * the calls file has one {@code organization_id<TAB>call_id} a line (the same file Bare.java's
 * {@code events} mode reads). Prints {@code seconds=… events=… applied=…}; fails on any non-2xx.
 */
public class Events {

    /** Phase, its offset from now in seconds, and the extra JSON members of its events. */
    static final String[][] PHASES = {
        {"ringing", "1", ""},
        {"in_progress", "5", ""},
        {"completed", "65", ",\"durationSeconds\":60,\"disposition\":{\"code\":\"PTP\",\"data\":{\"ptp_amount\":4500}}"}
    };

    private static final Pattern APPLIED = Pattern.compile("\"applied\":(\\d+)");

    public static void main(String[] args) throws Exception {
        if (args.length != 4 || System.getenv("AGENTCALLS_RUNNER_SECRET") == null) {
            System.err.println("usage: AGENTCALLS_RUNNER_SECRET=… java Events.java <base url> <calls file> <threads> <batch>");
            System.exit(2);
        }
        URI uri = URI.create(args[0] + "/api/v1/runner/events");
        List<String> calls = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            if (!line.isBlank()) {
                calls.add(line.substring(line.indexOf('\t') + 1));
            }
        }
        int threads = Integer.parseInt(args[2]);
        int batch = Integer.parseInt(args[3]);
        byte[] secret = System.getenv("AGENTCALLS_RUNNER_SECRET").getBytes(StandardCharsets.UTF_8);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong applied = new AtomicLong();
        OffsetDateTime base = OffsetDateTime.now(ZoneOffset.UTC);
        long start = System.nanoTime();
        for (String[] phase : PHASES) {
            String at = base.plusSeconds(Long.parseLong(phase[1])).toString();
            List<Future<?>> requests = new ArrayList<>();
            for (int from = 0; from < calls.size(); from += batch) {
                List<String> ids = calls.subList(from, Math.min(calls.size(), from + batch));
                String body = body(ids, phase[0], at, phase[2]);
                requests.add(pool.submit(() -> {
                    applied.addAndGet(send(http, uri, secret, body));
                    return null;
                }));
            }
            for (Future<?> request : requests) {
                request.get();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        System.out.printf("seconds=%.3f events=%d applied=%d%n", seconds, (long) calls.size() * PHASES.length, applied.get());
    }

    static String body(List<String> ids, String status, String at, String extra) {
        StringBuilder json = new StringBuilder("{\"events\":[");
        for (int i = 0; i < ids.size(); i++) {
            json.append(i == 0 ? "" : ",")
                    .append("{\"callId\":\"").append(ids.get(i))
                    .append("\",\"status\":\"").append(status)
                    .append("\",\"at\":\"").append(at).append('"')
                    .append(extra)
                    .append('}');
        }
        return json.append("]}").toString();
    }

    private static long send(HttpClient http, URI uri, byte[] secret, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
        String signature = HexFormat.of().formatHex(mac.doFinal(bytes));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .header("X-Runner-Timestamp", timestamp)
                .header("X-Runner-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("runner events answered " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(300, response.body().length())));
        }
        Matcher matcher = APPLIED.matcher(response.body());
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }
}
