package io.agentcalls.console;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The monitor's live figures over Server-Sent Events. Every open stream of a campaign gets the same
 * freshly read figures every {@link #INTERVAL_SECONDS} seconds, read once per campaign however many
 * people watch it. Each node serves its own streams from the shared database, so any node may serve
 * any viewer; a stream lasts {@link #STREAM_MILLIS} and the browser reconnects, which spreads viewers
 * over nodes again after a restart.
 */
@Component
class MonitorStreams implements SmartLifecycle {

    static final String EVENT = "figures";
    static final long INTERVAL_SECONDS = 2;
    static final long STREAM_MILLIS = 5 * 60 * 1000;
    private static final Logger log = LoggerFactory.getLogger(MonitorStreams.class);

    private record Watched(String organizationId, String campaignId) {}

    private final Map<SseEmitter, Watched> streams = new ConcurrentHashMap<>();
    private final CampaignMonitor monitor;
    private final ITemplateEngine templates;
    private ScheduledExecutorService ticker;

    MonitorStreams(CampaignMonitor monitor, ITemplateEngine templates) {
        this.monitor = monitor;
        this.templates = templates;
    }

    SseEmitter open(String organizationId, String campaignId) {
        SseEmitter emitter = new SseEmitter(STREAM_MILLIS);
        streams.put(emitter, new Watched(organizationId, campaignId));
        emitter.onCompletion(() -> streams.remove(emitter));
        emitter.onTimeout(emitter::complete);
        emitter.onError(e -> streams.remove(emitter));
        return emitter;
    }

    int open() {
        return streams.size();
    }

    void tick() {
        Map<Watched, List<SseEmitter>> byCampaign = streams.entrySet().stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getValue, Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
        byCampaign.forEach((watched, emitters) -> {
            String html;
            try {
                html = render(monitor.figures(watched.organizationId(), watched.campaignId()));
            } catch (RuntimeException e) {
                log.warn("Monitor figures of campaign {} could not be read: {}", watched.campaignId(), e.toString());
                return;
            }
            for (SseEmitter emitter : emitters) {
                try {
                    emitter.send(SseEmitter.event().name(EVENT).data(html));
                } catch (IOException | IllegalStateException e) {
                    // the viewer left; the container completes the request
                    streams.remove(emitter);
                }
            }
        });
    }

    /** The figures fragment as one line: an SSE data line ends at a line break. */
    private String render(MonitorFigures figures) {
        Context context = new Context();
        context.setVariable("figures", figures);
        return templates.process("console/monitor", Set.of("figures"), context).replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    @Override
    public void start() {
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "console-monitor");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleWithFixedDelay(this::safeTick, INTERVAL_SECONDS, INTERVAL_SECONDS, TimeUnit.SECONDS);
    }

    private void safeTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            log.warn("Monitor update failed", e);
        }
    }

    /** A stopping node ends its streams at once, so graceful shutdown does not wait for them. */
    @Override
    public void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
        streams.keySet().forEach(SseEmitter::complete);
        streams.clear();
    }

    @Override
    public boolean isRunning() {
        return ticker != null;
    }

    @Override
    public int getPhase() {
        // stopped before the web server's graceful shutdown waits for requests in flight
        return Integer.MAX_VALUE;
    }
}
