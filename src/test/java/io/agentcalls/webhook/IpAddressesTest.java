package io.agentcalls.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which addresses are public, IPv6 forms that carry an IPv4 address judged by that address. */
class IpAddressesTest {

    static Stream<Arguments> addresses() {
        return Stream.of(
                // IPv4
                row("93.184.215.14", true, "public"),
                row("8.8.8.8", true, "public"),
                row("0.0.0.0", false, "unspecified"),
                row("127.0.0.1", false, "loopback"),
                row("10.1.2.3", false, "private"),
                row("172.16.0.1", false, "private"),
                row("172.31.255.255", false, "private"),
                row("172.32.0.1", true, "just past 172.16/12"),
                row("192.168.1.1", false, "private"),
                row("169.254.10.1", false, "link-local"),
                row("100.64.0.1", false, "carrier-grade NAT"),
                row("100.127.255.254", false, "carrier-grade NAT"),
                row("100.128.0.1", true, "just past 100.64/10"),
                row("192.0.0.8", false, "IETF protocol assignments"),
                row("192.0.2.1", false, "documentation"),
                row("192.88.99.1", false, "6to4 relay anycast"),
                row("198.18.0.1", false, "benchmarking"),
                row("198.51.100.7", false, "documentation"),
                row("203.0.113.9", false, "documentation"),
                row("224.0.0.1", false, "multicast"),
                row("240.0.0.1", false, "reserved"),
                row("255.255.255.255", false, "broadcast"),
                // plain IPv6
                row("2606:2800:21f:cb07:6820:80da:af6b:8b2c", true, "global unicast"),
                row("::", false, "unspecified"),
                row("::1", false, "loopback"),
                row("fe80::1", false, "link-local"),
                row("fec0::1", false, "site-local"),
                row("fd12:3456::1", false, "unique local"),
                row("ff02::1", false, "multicast"),
                row("100::1", false, "discard"),
                row("2001:db8::1", false, "documentation"),
                row("3fff::1", false, "documentation"),
                row("2001:2::1", false, "benchmarking"),
                row("2001:10::1", false, "ORCHID"),
                row("5f00::1", false, "segment routing"),
                row("64:ff9b:1::808:808", false, "NAT64 local use, whatever it embeds"),
                // IPv4-mapped ::ffff:0:0/96
                row("::ffff:8.8.8.8", true, "mapped public"),
                row("::ffff:127.0.0.1", false, "mapped loopback"),
                row("::ffff:10.0.0.1", false, "mapped private"),
                row("::ffff:100.64.1.1", false, "mapped CGNAT"),
                // IPv4-compatible ::/96
                row("::8.8.8.8", true, "compatible public"),
                row("::127.0.0.1", false, "compatible loopback"),
                row("::192.168.0.1", false, "compatible private"),
                row("::0.0.0.2", false, "compatible this-network"),
                // NAT64 64:ff9b::/96
                row("64:ff9b::808:808", true, "NAT64 of 8.8.8.8"),
                row("64:ff9b::7f00:1", false, "NAT64 of 127.0.0.1"),
                row("64:ff9b::a00:1", false, "NAT64 of 10.0.0.1"),
                row("64:ff9b::a9fe:101", false, "NAT64 of 169.254.1.1"),
                row("64:ff9b::6440:1", false, "NAT64 of 100.64.0.1"),
                row("64:ff9b::e000:1", false, "NAT64 of 224.0.0.1 (multicast)"),
                row("64:ff9b::0:0", false, "NAT64 of 0.0.0.0 (unspecified)"),
                // 6to4 2002::/16: the IPv4 address follows the prefix
                row("2002:808:808::1", true, "6to4 of 8.8.8.8"),
                row("2002:7f00:1::1", false, "6to4 of 127.0.0.1"),
                row("2002:c0a8:101::1", false, "6to4 of 192.168.1.1"),
                row("2002:ac10:1::1", false, "6to4 of 172.16.0.1"),
                row("2002:6440:1::", false, "6to4 of 100.64.0.1"),
                row("2002:a9fe:a9fe::", false, "6to4 of 169.254.169.254"),
                row("2002:0:0::1", false, "6to4 of 0.0.0.0"),
                // Teredo 2001:0::/32: server IPv4 in bytes 4-7, client IPv4 inverted in bytes 12-15
                row("2001:0:4136:e378:8000:63bf:f7f7:f7f7", true, "Teredo, server 65.54.227.120, client 8.8.8.8"),
                row("2001:0:4136:e378:8000:63bf:80ff:fffe", false, "Teredo, client 127.0.0.1"),
                row("2001:0:4136:e378:8000:63bf:f5ff:fffe", false, "Teredo, client 10.0.0.1"),
                row("2001:0:4136:e378:8000:63bf:3f57:fefe", false, "Teredo, client 192.168.1.1"),
                row("2001:0:4136:e378:8000:63bf:9bbf:fffe", false, "Teredo, client 100.64.0.1"),
                row("2001:0:a00:1:8000:63bf:f7f7:f7f7", false, "Teredo, server 10.0.0.1"));
    }

    private static Arguments row(String address, boolean isPublic, String what) {
        return Arguments.of(address, isPublic, what);
    }

    @ParameterizedTest(name = "{0} {2}: public {1}")
    @MethodSource("addresses")
    void isPublic(String literal, boolean expected, String what) throws UnknownHostException {
        assertThat(IpAddresses.isPublic(InetAddress.getByName(literal)))
                .as(literal + " (" + what + ")")
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {2}: public {1}, as raw IPv6 bytes")
    @MethodSource("addresses")
    void isPublicWhenJavaKeepsTheIpv6Form(String literal, boolean expected, String what) throws UnknownHostException {
        // Java turns ::ffff:a.b.c.d into an Inet4Address; an Inet6Address holding those bytes
        // (as a resolver may return) must be judged the same
        InetAddress address = InetAddress.getByName(literal);
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(bytes, 0, mapped, 12, 4);
            bytes = mapped;
        }
        InetAddress v6 = java.net.Inet6Address.getByAddress(null, bytes, -1);
        assertThat(IpAddresses.isPublic(v6))
                .as(Arrays.toString(bytes) + " (" + what + ")")
                .isEqualTo(expected);
    }
}
