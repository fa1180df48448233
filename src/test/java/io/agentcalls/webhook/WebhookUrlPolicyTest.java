package io.agentcalls.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookUrlPolicyTest {

    /** A fixed DNS, so the test neither needs nor depends on the network. */
    private static final Map<String, String[]> DNS = Map.of(
            "hooks.example.com", new String[] {"93.184.215.14"},
            "localhost", new String[] {"127.0.0.1", "::1"},
            "intranet.example.com", new String[] {"10.0.0.5"},
            "mixed.example.com", new String[] {"93.184.215.14", "192.168.1.20"},
            "rebound.example.com", new String[] {"169.254.169.254"},
            "v6.example.com", new String[] {"2606:2800:21f:cb07:6820:80da:af6b:8b2c"},
            "ula.example.com", new String[] {"fd12:3456::1"});

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String[] literals = DNS.get(host);
        if (literals == null) {
            if (host.matches("[0-9.]+") || host.startsWith("[")) {
                return new InetAddress[] {InetAddress.getByName(host)};
            }
            throw new UnknownHostException(host);
        }
        InetAddress[] addresses = new InetAddress[literals.length];
        for (int i = 0; i < literals.length; i++) {
            addresses[i] = InetAddress.getByName(literals[i]);
        }
        return addresses;
    }

    private final WebhookUrlPolicy strict =
            new WebhookUrlPolicy(false, AllowedPorts.of(List.of(), false), WebhookUrlPolicyTest::resolve);
    private final WebhookUrlPolicy demo = new WebhookUrlPolicy(
            true,
            AllowedPorts.of(List.of(new PortRange(80, 80), new PortRange(443, 443), new PortRange(8089, 8089)), true),
            WebhookUrlPolicyTest::resolve);

    @Test
    void httpsToAPublicHostIsAllowed() {
        assertThat(strict.refusal("https://hooks.example.com/agentcalls")).isEmpty();
        assertThat(strict.refusal("https://hooks.example.com:443/x?y=1")).isEmpty();
        assertThat(strict.refusal("https://v6.example.com/x")).isEmpty();
    }

    @Test
    void otherSchemesAndMalformedUrlsAreRefused() {
        assertThat(strict.refusal("ftp://hooks.example.com/x")).contains("url must use https");
        assertThat(demo.refusal("ftp://hooks.example.com/x")).contains("url must use https or http");
        assertThat(strict.refusal("hooks.example.com/x")).contains("url must use https");
        assertThat(strict.refusal("https://exa mple.com")).contains("url is not a valid URL");
        assertThat(strict.refusal("https:///path")).contains("url must have a host name");
        assertThat(strict.refusal("")).contains("url must not be blank");
        assertThat(strict.refusal("https://" + "a".repeat(2048) + ".com")).isPresent();
        assertThat(strict.refusal("https://user:pass@hooks.example.com/x"))
                .contains("url must not contain credentials");
        assertThat(strict.refusal("https://nowhere.example.com/x")).contains("url host could not be resolved");
    }

    @Test
    void withoutTheFlagHttpIsRefusedEvenToPublicHosts() {
        assertThat(strict.refusal("http://hooks.example.com/x")).contains("url must use https");
        assertThat(strict.refusal("http://localhost:8080/x")).contains("url must use https");
    }

    @Test
    void withoutTheFlagPrivateLoopbackAndLinkLocalAddressesAreRefused() {
        for (String url : new String[] {
            "https://localhost/x",
            "https://127.0.0.1/x",
            "https://10.1.2.3/x",
            "https://172.16.0.1/x",
            "https://192.168.0.1/x",
            "https://169.254.1.1/x",
            "https://100.64.0.1/x",
            "https://0.0.0.0/x",
            "https://[::1]/x",
            "https://[fe80::1]/x",
            "https://[fd00::1]/x",
            "https://[::ffff:10.0.0.1]/x",
            "https://[64:ff9b::a00:1]/x",
            "https://intranet.example.com/x",
            "https://ula.example.com/x",
            "https://mixed.example.com/x"
        }) {
            assertThat(strict.refusal(url))
                    .as(url)
                    .contains("url must not resolve to a private, loopback or link-local address");
        }
    }

    @Test
    void cloudMetadataIsRefusedEvenWithTheFlag() {
        for (WebhookUrlPolicy policy : new WebhookUrlPolicy[] {strict, demo}) {
            assertThat(policy.refusal("https://169.254.169.254/latest/meta-data"))
                    .contains("url must not point at a cloud metadata address");
            assertThat(policy.refusal("https://rebound.example.com/x"))
                    .contains("url must not point at a cloud metadata address");
            assertThat(policy.refusal("https://metadata.google.internal/computeMetadata/v1/"))
                    .contains("url must not point at a cloud metadata address");
            assertThat(policy.refusal("https://[fd00:ec2::254]/"))
                    .contains("url must not point at a cloud metadata address");
            for (String embedded : new String[] {
                "https://[::ffff:169.254.169.254]/", // IPv4-mapped
                "https://[::169.254.169.254]/", // IPv4-compatible
                "https://[64:ff9b::a9fe:a9fe]/", // NAT64
                "https://[2002:a9fe:a9fe::1]/", // 6to4
                "https://[2001:0:4136:e378:8000:63bf:5601:5601]/" // Teredo, client 169.254.169.254 inverted
            }) {
                assertThat(policy.refusal(embedded))
                        .as(embedded)
                        .contains("url must not point at a cloud metadata address");
            }
        }
    }

    @Test
    void withTheFlagHttpIsAllowedOnlyToLoopback() {
        assertThat(demo.refusal("http://localhost:8089/hook")).isEmpty();
        assertThat(demo.refusal("http://127.0.0.1:8089/hook")).isEmpty();
        assertThat(demo.refusal("http://[::1]:8089/hook")).isEmpty();
        assertThat(demo.refusal("http://hooks.example.com/x"))
                .contains("url must use https (http is allowed only to loopback addresses)");
        assertThat(demo.refusal("http://10.1.2.3/x"))
                .contains("url must use https (http is allowed only to loopback addresses)");
        // loopback behind a NAT64 gateway or 6to4 relay is the gateway's loopback, not a plain one
        assertThat(demo.refusal("http://[64:ff9b::7f00:1]/x"))
                .contains("url must use https (http is allowed only to loopback addresses)");
    }

    @Test
    void onlyPort443IsAllowedByDefault() {
        assertThat(strict.refusal("https://hooks.example.com:8443/x"))
                .contains("url port 8443 is not allowed (allowed: 443)");
        assertThat(strict.refusal("https://hooks.example.com:80/x"))
                .contains("url port 80 is not allowed (allowed: 443)");
        assertThat(strict.refusal("https://hooks.example.com:22/x"))
                .contains("url port 22 is not allowed (allowed: 443)");
        assertThat(strict.check("https://hooks.example.com:5432/x"))
                .isEqualTo(new WebhookUrlPolicy.Refused(
                        "url port 5432 is not allowed (allowed: 443)", FailureCategory.PORT_NOT_ALLOWED));
    }

    @Test
    void withTheFlagPort80IsAllowedTooAndConfiguredRangesReplaceTheDefault() {
        WebhookUrlPolicy demoDefault =
                new WebhookUrlPolicy(true, AllowedPorts.of(List.of(), true), WebhookUrlPolicyTest::resolve);
        assertThat(demoDefault.refusal("http://localhost/x")).isEmpty();
        assertThat(demoDefault.refusal("https://localhost/x")).isEmpty();
        assertThat(demoDefault.refusal("http://localhost:8080/x"))
                .contains("url port 8080 is not allowed (allowed: 80, 443)");

        WebhookUrlPolicy configured = new WebhookUrlPolicy(
                false,
                AllowedPorts.of(List.of(PortRange.of("8443"), PortRange.of(" 9000 - 9099 ")), false),
                WebhookUrlPolicyTest::resolve);
        assertThat(configured.refusal("https://hooks.example.com:8443/x")).isEmpty();
        assertThat(configured.refusal("https://hooks.example.com:9050/x")).isEmpty();
        assertThat(configured.refusal("https://hooks.example.com/x"))
                .contains("url port 443 is not allowed (allowed: 8443, 9000-9099)");
    }

    @Test
    void portRangesAreReadFromConfigurationAndCheckedThere() {
        assertThat(PortRange.of(" 8443 ")).isEqualTo(new PortRange(8443, 8443));
        assertThat(PortRange.of("9000-9099")).isEqualTo(new PortRange(9000, 9099));
        for (String bad : new String[] {"0", "65536", "9099-9000", "https", "80-", ""}) {
            assertThatThrownBy(() -> PortRange.of(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void anAllowedUrlComesWithTheAddressesThatPassed() {
        WebhookUrlPolicy.Decision decision = strict.check("https://v6.example.com/x?y=1");
        assertThat(decision).isInstanceOf(WebhookUrlPolicy.Allowed.class);
        WebhookUrlPolicy.Allowed allowed = (WebhookUrlPolicy.Allowed) decision;
        assertThat(allowed.hostName()).isEqualTo("v6.example.com");
        assertThat(allowed.port()).isEqualTo(443);
        assertThat(allowed.addresses())
                .extracting(InetAddress::getHostAddress)
                .containsExactly("2606:2800:21f:cb07:6820:80da:af6b:8b2c");
        WebhookUrlPolicy.Allowed literal = (WebhookUrlPolicy.Allowed) demo.check("http://[::1]:8089/hook");
        assertThat(literal.hostName()).isEqualTo("::1");
    }

    @Test
    void refusalsCarryTheCategoryTheDeliveryLogShows() {
        assertThat(strict.check("https://intranet.example.com/x"))
                .extracting(d -> ((WebhookUrlPolicy.Refused) d).category())
                .isEqualTo(FailureCategory.ADDRESS_NOT_ALLOWED);
        assertThat(strict.check("https://nowhere.example.com/x"))
                .extracting(d -> ((WebhookUrlPolicy.Refused) d).category())
                .isEqualTo(FailureCategory.DNS_FAILURE);
        assertThat(strict.check("http://hooks.example.com/x"))
                .extracting(d -> ((WebhookUrlPolicy.Refused) d).category())
                .isEqualTo(FailureCategory.URL_NOT_ALLOWED);
        assertThat(demo.check("https://metadata.google.internal/x"))
                .extracting(d -> ((WebhookUrlPolicy.Refused) d).category())
                .isEqualTo(FailureCategory.ADDRESS_NOT_ALLOWED);
    }

    @Test
    void withTheFlagHttpsMayReachPrivateAddresses() {
        assertThat(demo.refusal("https://intranet.example.com/x")).isEmpty();
        assertThat(demo.refusal("https://localhost/x")).isEmpty();
    }
}
