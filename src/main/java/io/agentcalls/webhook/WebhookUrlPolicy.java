package io.agentcalls.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which URLs may receive webhooks, checked at creation and again before every attempt (DNS can
 * change). By default only https on port 443 to public addresses, so a webhook cannot be aimed at
 * this server's own network (SSRF). With {@code allowHttp} (tests, demos) private addresses are
 * allowed too, and plain http, but only to loopback. Cloud metadata addresses are refused always.
 * An allowed URL comes back with the addresses that passed: the sender connects to one of those
 * and never asks DNS again, so a name cannot pass here and then resolve elsewhere (DNS rebinding).
 */
final class WebhookUrlPolicy {

    static final int MAX_LENGTH = 2048;

    /** Resolves a host name to its addresses; tests pass a fixed table instead of DNS. */
    @FunctionalInterface
    interface HostResolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** What the policy says of a URL. */
    sealed interface Decision permits Allowed, Refused {}

    /** Where to connect: {@code hostName} for the Host header, SNI and certificate, an address to dial. */
    record Allowed(URI uri, String hostName, int port, List<InetAddress> addresses) implements Decision {}

    /** Why not: an error naming the field for the API, and a category for the delivery log. */
    record Refused(String message, FailureCategory category) implements Decision {}

    private static final Set<String> METADATA_HOSTS = Set.of("metadata.google.internal", "metadata");

    private final boolean allowHttp;
    private final AllowedPorts ports;
    private final HostResolver resolver;

    WebhookUrlPolicy(boolean allowHttp, AllowedPorts ports, HostResolver resolver) {
        this.allowHttp = allowHttp;
        this.ports = ports;
        this.resolver = resolver;
    }

    /** Why the URL is refused, as an error naming the field; empty when it is allowed. */
    Optional<String> refusal(String url) {
        return check(url) instanceof Refused refused ? Optional.of(refused.message()) : Optional.empty();
    }

    Decision check(String url) {
        if (url == null || url.isBlank()) {
            return badUrl("url must not be blank");
        }
        if (url.length() > MAX_LENGTH) {
            return badUrl("url must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return badUrl("url is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            return badUrl(allowHttp ? "url must use https or http" : "url must use https");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return badUrl("url must have a host name");
        }
        if (uri.getRawUserInfo() != null) {
            return badUrl("url must not contain credentials");
        }
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        if (!ports.allows(port)) {
            return new Refused(
                    "url port " + port + " is not allowed (allowed: " + ports + ")", FailureCategory.PORT_NOT_ALLOWED);
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (METADATA_HOSTS.contains(host)) {
            return metadata();
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            addresses = null;
        }
        if (addresses == null || addresses.length == 0) {
            return new Refused("url host could not be resolved", FailureCategory.DNS_FAILURE);
        }
        for (InetAddress address : addresses) {
            if (IpAddresses.isCloudMetadata(address)) {
                return metadata();
            }
            if (scheme.equals("http") && !address.isLoopbackAddress()) {
                return new Refused(
                        "url must use https (http is allowed only to loopback addresses)",
                        FailureCategory.ADDRESS_NOT_ALLOWED);
            }
            if (!allowHttp && !IpAddresses.isPublic(address)) {
                return new Refused(
                        "url must not resolve to a private, loopback or link-local address",
                        FailureCategory.ADDRESS_NOT_ALLOWED);
            }
        }
        return new Allowed(uri, withoutBrackets(host), port, List.of(addresses));
    }

    private static Refused badUrl(String message) {
        return new Refused(message, FailureCategory.URL_NOT_ALLOWED);
    }

    private static Refused metadata() {
        return new Refused("url must not point at a cloud metadata address", FailureCategory.ADDRESS_NOT_ALLOWED);
    }

    /** {@code [::1]} as a URI writes it, {@code ::1} as a host name. */
    private static String withoutBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
