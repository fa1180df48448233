package io.agentcalls.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which URLs may receive webhooks, checked at creation and again before every attempt (DNS can
 * change). By default only https to public addresses, so a webhook cannot be aimed at this
 * server's own network (SSRF). With {@code allowHttp} (tests, demos) private addresses are allowed
 * too, and plain http, but only to loopback. Cloud metadata addresses are refused always.
 */
final class WebhookUrlPolicy {

    static final int MAX_LENGTH = 2048;

    /** Resolves a host name to its addresses; tests pass a fixed table instead of DNS. */
    @FunctionalInterface
    interface HostResolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private static final Set<String> METADATA_HOSTS = Set.of("metadata.google.internal", "metadata");
    private static final Set<String> METADATA_ADDRESSES =
            Set.of("169.254.169.254", "169.254.170.2", "100.100.100.200", "fd00:ec2:0:0:0:0:0:254");

    private final boolean allowHttp;
    private final HostResolver resolver;

    WebhookUrlPolicy(boolean allowHttp, HostResolver resolver) {
        this.allowHttp = allowHttp;
        this.resolver = resolver;
    }

    /** Why the URL is refused, as an error naming the field; empty when it is allowed. */
    Optional<String> refusal(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("url must not be blank");
        }
        if (url.length() > MAX_LENGTH) {
            return Optional.of("url must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("url is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            return Optional.of(allowHttp ? "url must use https or http" : "url must use https");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of("url must have a host name");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("url must not contain credentials");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (METADATA_HOSTS.contains(host)) {
            return Optional.of("url must not point at a cloud metadata address");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return Optional.of("url host could not be resolved");
        }
        if (addresses == null || addresses.length == 0) {
            return Optional.of("url host could not be resolved");
        }
        for (InetAddress address : addresses) {
            if (METADATA_ADDRESSES.contains(address.getHostAddress())) {
                return Optional.of("url must not point at a cloud metadata address");
            }
            if (scheme.equals("http") && !address.isLoopbackAddress()) {
                return Optional.of("url must use https (http is allowed only to loopback addresses)");
            }
            if (!allowHttp && !isPublic(address)) {
                return Optional.of("url must not resolve to a private, loopback or link-local address");
            }
        }
        return Optional.empty();
    }

    /** Whether the address is on the public internet, not this machine's or a private network. */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicIpv4(b);
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return false; // fc00::/7 unique local
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
                return false; // 2001:db8::/32 documentation
            }
            if (isNat64(b) || isIpv4Compatible(b)) {
                return isPublicIpv4(new byte[] {b[12], b[13], b[14], b[15]});
            }
        }
        return true;
    }

    private static boolean isPublicIpv4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        int third = b[2] & 0xff;
        return !(first == 0 // this network
                || first == 10
                || first == 127
                || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                || (first == 169 && second == 254)
                || (first == 172 && second >= 16 && second <= 31)
                || (first == 192 && second == 168)
                || (first == 192 && second == 0 && (third == 0 || third == 2))
                || (first == 198 && (second == 18 || second == 19)) // benchmarking
                || (first == 198 && second == 51 && third == 100)
                || (first == 203 && second == 0 && third == 113)
                || first >= 224); // multicast, reserved, broadcast
    }

    /** 64:ff9b::/96, where a NAT64 gateway embeds an IPv4 address in the last four bytes. */
    private static boolean isNat64(byte[] b) {
        if (b[0] != 0 || (b[1] & 0xff) != 0x64 || (b[2] & 0xff) != 0xff || (b[3] & 0xff) != 0x9b) {
            return false;
        }
        for (int i = 4; i < 12; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** The deprecated ::a.b.c.d form. */
    private static boolean isIpv4Compatible(byte[] b) {
        for (int i = 0; i < 12; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
