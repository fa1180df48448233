package io.agentcalls.common.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberMaskingTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            +919876543210                                   | <phone>
            call +91 98765 43210 now                        | call <phone> now
            +91-98765-43210                                 | <phone>
            +91.98765.43210                                 | <phone>
            (555) 123-4567                                  | <phone>
            (555)123-4567                                   | <phone>
            +1-555-123-4567                                 | <phone>
            +1 (555) 123-4567                               | <phone>
            555-123-4567 and 555.123.4567                   | <phone> and <phone>
            1-800-555-0199                                  | <phone>
            +44 20 7946 0958                                | <phone>
            00919876543210                                  | <phone>
            0091 98765 43210                                | <phone>
            001 555 123 4567                                | <phone>
            9876543210                                      | <phone>
            98765 43210                                     | <phone>
            98765-43210                                     | <phone>
            09876543210                                     | <phone>
            022 2345 6789                                   | <phone>
            02223456789                                     | <phone>
            919876543210                                    | <phone>
            `{"phone":"+919876543210","alt":"9876543211"}`  | `{"phone":"<phone>","alt":"<phone>"}`
            `{"phone":9876543210}`                          | `{"phone":<phone>}`
            GET /api/v1/customers?phone=%2B919876543210&x=1 | GET /api/v1/customers?phone=<phone>&x=1
            /calls?phone=+919876543210                      | /calls?phone=<phone>
            /calls?phone=%20919876543210                    | /calls?phone=%20<phone>
            /api/v1/customers/9876543210/calls              | /api/v1/customers/<phone>/calls
            tel:+919876543210                               | tel:<phone>
            could not call +919812345678 or 9812345679      | could not call <phone> or <phone>
            phone=9876543210, retries=3                     | phone=<phone>, retries=3
            (+919876543210)                                 | (<phone>)
            numbers [9876543210,9876543211]                 | numbers [<phone>,<phone>]
            +919876543210 9876543211                        | <phone> <phone>
            at 2026-01-15 9876543210                        | at 2026-01-15 <phone>
            ended.9876543210 and x9876543210 stay           | ended.9876543210 and x9876543210 stay
            """)
    void masksPhoneNumbers(String text, String masked) {
        assertThat(PhoneNumberMasking.mask(text)).isEqualTo(masked);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {
                "cal_0190a1b2c3d4e5f69876543210",
                "cmp_000000000000000000000000000de001",
                "msg_0194f1c2a3b4c5d6e7f8a9b0c1d2e3f4a5",
                "ak_000000000000000000000000000de000_demo-key-anyone-can-read-it",
                "0190f3a2-9876-7abc-8def-0123456789ab",
                "01909876-5432-1098-7654-321098765432",
                "2026-01-15T10:20:30.123+05:30",
                "2026-01-15 10:20:30,123",
                "2026-01-15T10:20:30Z to 2026-01-16T10:20:30Z",
                "15-01-2026 10:20",
                "epoch 1767225600 or 1767225600000 ms",
                "listening on port 8080, took 1234 ms",
                "localhost:8080 and 127.0.0.1:5432",
                "192.168.100.200 and 203.0.113.254",
                "fe80::1ff:fe23:4567:890a",
                "pi is 3.14159265358 and version 17.6.0",
                "12,345,678.90 rows",
                "batch 500 of 1000000, 2000000 calls",
                "durationMs=15000 attempts=10 delay=86400000",
                "[http-nio-8080-exec-12] o.a.c.c.C.[Tomcat].[localhost].[/]",
                "Caused by: java.io.IOException at io.agentcalls.Foo.bar(Foo.java:1234)",
                "order-9876543210 and v9876543210",
                "a 1234567890 counter",
                "short 98765 4321",
                "sha 7ae2193e5f1c4b9b8e0d2c1a0f9e8d7c6b5a4f3e"
            })
    void leavesWhatIsNotAPhoneNumberAlone(String text) {
        assertThat(PhoneNumberMasking.mask(text)).isSameAs(text);
    }
}
