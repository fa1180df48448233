package io.agentcalls.webhook;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The ports a webhook may reach. By default only the standard ones, 443 (and 80 where http is
 * allowed at all): a receiver is a web server, and an odd port is how a URL reaches some other
 * service listening on a public address (a database, an admin console, a mail server).
 */
final class AllowedPorts {

    private final List<PortRange> ranges;

    private AllowedPorts(List<PortRange> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /** The configured ranges, or the standard ports when none are configured. */
    static AllowedPorts of(List<PortRange> configured, boolean allowHttp) {
        if (configured != null && !configured.isEmpty()) {
            return new AllowedPorts(configured);
        }
        return new AllowedPorts(
                allowHttp ? List.of(new PortRange(80, 80), new PortRange(443, 443)) : List.of(new PortRange(443, 443)));
    }

    boolean allows(int port) {
        return ranges.stream().anyMatch(range -> range.contains(port));
    }

    @Override
    public String toString() {
        return ranges.stream().map(PortRange::toString).collect(Collectors.joining(", "));
    }
}
