package io.agentcalls.call;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A call's view, built on first use. Every status change publishes the call as the API shows it,
 * but only an organization with a webhook subscribed to that event reads it, and a million calls
 * accepted at once, or a runner's stream of events, make many views nobody reads. Read-only; built
 * from an immutable row,
 * so it shows the call as it was when the event was published, whenever it is read.
 */
final class LazyCallView extends AbstractMap<String, Object> {

    private final Supplier<Map<String, Object>> build;
    private Map<String, Object> view;

    LazyCallView(CallRow row) {
        this.build = row::view;
    }

    private Map<String, Object> view() {
        if (view == null) {
            view = build.get();
        }
        return view;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return view().entrySet();
    }

    @Override
    public Object get(Object key) {
        return view().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return view().containsKey(key);
    }

    @Override
    public int size() {
        return view().size();
    }
}
