package io.agentcalls.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;

/**
 * Which addresses are on the public internet. IPv6 forms that carry an IPv4 address (mapped,
 * compatible, NAT64, 6to4, Teredo) are judged by the IPv4 address they lead to: otherwise
 * {@code 64:ff9b::7f00:1} or {@code 2002:a9fe:a9fe::} would reach loopback or cloud metadata
 * through a gateway while looking like a public IPv6 address.
 */
final class IpAddresses {

    private static final Set<String> CLOUD_METADATA =
            Set.of("169.254.169.254", "169.254.170.2", "100.100.100.200", "fd00:ec2:0:0:0:0:0:254");

    private IpAddresses() {}

    static boolean isPublic(InetAddress address) {
        if (address instanceof Inet4Address) {
            return isPublicIpv4(address.getAddress());
        }
        byte[] b = address.getAddress();
        if (address.isAnyLocalAddress() || address.isLoopbackAddress()) {
            return false;
        }
        List<Inet4Address> embedded = embeddedIpv4(b);
        if (!embedded.isEmpty()) {
            return embedded.stream().allMatch(v4 -> isPublicIpv4(v4.getAddress()));
        }
        if (startsWith(b, 0x00, 0x64, 0xff, 0x9b, 0x00, 0x01)) {
            return false; // 64:ff9b:1::/48, NAT64 for local use only (RFC 8215)
        }
        if ((b[0] & 0xe0) != 0x20) {
            return false; // outside 2000::/3, the only global unicast: ULA, link-local, multicast, discard, …
        }
        return !(startsWith(b, 0x20, 0x01) && (b[2] & 0xfe) == 0x00 // 2001::/23 IETF protocol assignments
                || startsWith(b, 0x20, 0x01, 0x0d, 0xb8) // 2001:db8::/32 documentation
                || startsWith(b, 0x3f, 0xff) && (b[2] & 0xf0) == 0x00 // 3fff::/20 documentation
                || startsWith(b, 0x5f, 0x00)); // 5f00::/16 segment routing
    }

    /** Cloud metadata services answer with credentials: never a webhook target, whatever the flags. */
    static boolean isCloudMetadata(InetAddress address) {
        if (CLOUD_METADATA.contains(address.getHostAddress())) {
            return true;
        }
        if (address instanceof Inet6Address) {
            return embeddedIpv4(address.getAddress()).stream()
                    .anyMatch(v4 -> CLOUD_METADATA.contains(v4.getHostAddress()));
        }
        return false;
    }

    /**
     * The IPv4 addresses an IPv6 address leads to: the one it embeds, or for Teredo both the
     * client (stored inverted) and the server. Empty for an ordinary IPv6 address.
     */
    static List<Inet4Address> embeddedIpv4(byte[] b) {
        if (b.length != 16) {
            return List.of();
        }
        if (zeros(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return List.of(ipv4(b, 12, false)); // ::ffff:0:0/96 IPv4-mapped
        }
        if (zeros(b, 0, 12) && !(zeros(b, 12, 15) && (b[15] & 0xfe) == 0)) {
            return List.of(ipv4(b, 12, false)); // ::/96 IPv4-compatible (not :: or ::1)
        }
        if (startsWith(b, 0x00, 0x64, 0xff, 0x9b) && zeros(b, 4, 12)) {
            return List.of(ipv4(b, 12, false)); // 64:ff9b::/96 NAT64 well-known prefix
        }
        if (startsWith(b, 0x20, 0x02)) {
            return List.of(ipv4(b, 2, false)); // 2002::/16 6to4
        }
        if (startsWith(b, 0x20, 0x01, 0x00, 0x00)) {
            return List.of(ipv4(b, 12, true), ipv4(b, 4, false)); // 2001::/32 Teredo: client, server
        }
        return List.of();
    }

    private static boolean isPublicIpv4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        int third = b[2] & 0xff;
        return !(first == 0 // this network
                || first == 10
                || first == 127
                || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                || (first == 169 && second == 254) // link-local
                || (first == 172 && second >= 16 && second <= 31)
                || (first == 192 && second == 168)
                || (first == 192 && second == 0 && (third == 0 || third == 2)) // IETF, documentation
                || (first == 192 && second == 88 && third == 99) // 6to4 relay anycast
                || (first == 198 && (second == 18 || second == 19)) // benchmarking
                || (first == 198 && second == 51 && third == 100) // documentation
                || (first == 203 && second == 0 && third == 113) // documentation
                || first >= 224); // multicast, reserved, broadcast
    }

    private static Inet4Address ipv4(byte[] b, int offset, boolean inverted) {
        byte[] v4 = new byte[4];
        for (int i = 0; i < 4; i++) {
            v4[i] = (byte) (inverted ? ~b[offset + i] : b[offset + i]);
        }
        try {
            return (Inet4Address) InetAddress.getByAddress(v4);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes are always an IPv4 address
        }
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean zeros(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
