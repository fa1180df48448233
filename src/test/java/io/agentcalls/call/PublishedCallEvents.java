package io.agentcalls.call;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;

/**
 * Records the call events published while a test runs, by adding a listener to the shared context
 * for the test's duration (a test configuration class would start a second context).
 */
public final class PublishedCallEvents implements ApplicationListener<PayloadApplicationEvent<?>>, AutoCloseable {

    private final List<Object> events = new CopyOnWriteArrayList<>();
    private final ApplicationEventMulticaster multicaster;

    private PublishedCallEvents(ApplicationEventMulticaster multicaster) {
        this.multicaster = multicaster;
    }

    public static PublishedCallEvents capture(ConfigurableApplicationContext context) {
        ApplicationEventMulticaster multicaster = context.getBean(ApplicationEventMulticaster.class);
        PublishedCallEvents capture = new PublishedCallEvents(multicaster);
        multicaster.addApplicationListener(capture);
        return capture;
    }

    @Override
    public void onApplicationEvent(PayloadApplicationEvent<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof CallStatusChanged
                || payload instanceof CallDispositionRecorded
                || payload instanceof CallsCancelled) {
            events.add(payload);
        }
    }

    public <T> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public List<CallStatusChanged> statusChanges(String callId) {
        return of(CallStatusChanged.class).stream()
                .filter(e -> e.callId().equals(callId))
                .toList();
    }

    @Override
    public void close() {
        multicaster.removeApplicationListener(this);
    }
}
