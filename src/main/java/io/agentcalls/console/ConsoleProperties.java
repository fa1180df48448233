package io.agentcalls.console;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The console's sign-in settings.
 *
 * @param failuresPerEmail failed sign-ins of one email within {@code failureWindow} after which
 *     that email is refused until the window has passed
 * @param failuresPerAddress the same for one client address (guessing many emails from one place)
 * @param failureWindow how far back failures count
 */
@ConfigurationProperties("agentcalls.console")
public record ConsoleProperties(
        @DefaultValue("5") int failuresPerEmail,
        @DefaultValue("20") int failuresPerAddress,
        @DefaultValue("15m") Duration failureWindow) {}
