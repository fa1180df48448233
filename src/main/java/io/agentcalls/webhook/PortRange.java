package io.agentcalls.webhook;

/**
 * One port or a range of ports a webhook URL may use, written {@code 8443} or {@code 8000-8999}
 * in {@code agentcalls.webhooks.allowed-ports}.
 */
record PortRange(int from, int to) {

    PortRange {
        if (from < 1 || to > 65535 || from > to) {
            throw new IllegalArgumentException(
                    "a port range must lie within 1-65535, lowest first: " + from + "-" + to);
        }
    }

    /** Read from configuration: Spring's conversion finds this public static method by its name. */
    public static PortRange of(String text) {
        String trimmed = text.trim();
        int dash = trimmed.indexOf('-');
        try {
            if (dash < 0) {
                int port = Integer.parseInt(trimmed);
                return new PortRange(port, port);
            }
            return new PortRange(
                    Integer.parseInt(trimmed.substring(0, dash).trim()),
                    Integer.parseInt(trimmed.substring(dash + 1).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a port or a port range (like 8000-8999): " + text);
        }
    }

    boolean contains(int port) {
        return port >= from && port <= to;
    }

    @Override
    public String toString() {
        return from == to ? Integer.toString(from) : from + "-" + to;
    }
}
