package io.agentcalls.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
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

    private final WebhookUrlPolicy strict = new WebhookUrlPolicy(false, WebhookUrlPolicyTest::resolve);
    private final WebhookUrlPolicy demo = new WebhookUrlPolicy(true, WebhookUrlPolicyTest::resolve);

    @Test
    void httpsToAPublicHostIsAllowed() {
        assertThat(strict.refusal("https://hooks.example.com/agentcalls")).isEmpty();
        assertThat(strict.refusal("https://hooks.example.com:8443/x?y=1")).isEmpty();
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
    }

    @Test
    void withTheFlagHttpsMayReachPrivateAddresses() {
        assertThat(demo.refusal("https://intranet.example.com/x")).isEmpty();
        assertThat(demo.refusal("https://localhost/x")).isEmpty();
    }
}
