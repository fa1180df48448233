package io.agentcalls.common.logging;

import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Configuration;

/**
 * Run in a child JVM by {@link LogOutputMaskingTest}: starts Spring Boot with the application's own
 * logging configuration (application.yml, logback-spring.xml, spring.factories) and no beans, and
 * logs what production code might: phone numbers in messages, JSON, URLs, MDC and exceptions.
 */
@Configuration(proxyBeanMethods = false)
public class LogSample {

    /** Every form written here contains 98765 or 123-4567; no output may. */
    static final List<String> PHONES = List.of(
            "+919876543210",
            "+91 98765 43210",
            "(555) 123-4567",
            "+1-555-123-4567",
            "0091 98765 43210",
            "00919876543210",
            "9876543210",
            "09876543210",
            "98765-43210");

    static final List<String> NOT_PHONES = List.of(
            "cal_0190f3a2b4c5d6e7f8091a2b3c4d5e6f",
            "0190f3a2-1b2c-7abc-8def-0123456789ab",
            "2026-01-15T10:20:30.123+05:30",
            "port 8080",
            "took 1234 ms",
            "127.0.0.1:5432");

    public static void main(String[] args) {
        try (var context = new SpringApplicationBuilder(LogSample.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(args)) {
            Logger log = LoggerFactory.getLogger("io.agentcalls.sample");
            MDC.put("customerPhone", "+919876543210");
            log.info("calling {}", String.join(" | ", PHONES));
            log.info(
                    "body {\"phone\":\"+919876543210\",\"alt\":\"9876543210\"} from /api/v1/customers?phone=%2B919876543210");
            log.info("kept {}", String.join(" | ", NOT_PHONES));
            log.error(
                    "dial failed for {}",
                    "9876543210",
                    new IllegalStateException(
                            "could not call +91 98765 43210", new IOException("provider refused 0091 98765 43210")));
            MDC.clear();
        }
    }
}
