package io.agentcalls.common.logging;

import ch.qos.logback.classic.pattern.ExtendedThrowableProxyConverter;
import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.pattern.RootCauseFirstThrowableProxyConverter;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;
import org.springframework.boot.logging.logback.WhitespaceThrowableProxyConverter;

/**
 * Logback's message and exception converters with phone numbers masked. {@code logback-spring.xml}
 * registers them under the standard conversion words ({@code %m}, {@code %msg}, {@code %ex},
 * {@code %wEx}, …), so every pattern, Spring Boot's defaults or an operator's own, masks.
 */
public final class MaskingConverters {

    private MaskingConverters() {}

    /** {@code %m}, {@code %msg}, {@code %message}. */
    public static class Message extends MessageConverter {
        @Override
        public String convert(ILoggingEvent event) {
            return PhoneNumberMasking.mask(super.convert(event));
        }
    }

    /** {@code %ex}, {@code %exception}, {@code %throwable}. */
    public static class Ex extends ThrowableProxyConverter {
        @Override
        protected String throwableProxyToString(IThrowableProxy proxy) {
            return PhoneNumberMasking.mask(super.throwableProxyToString(proxy));
        }
    }

    /** {@code %xEx}, {@code %xException}, {@code %xThrowable}. */
    public static class ExtendedEx extends ExtendedThrowableProxyConverter {
        @Override
        protected String throwableProxyToString(IThrowableProxy proxy) {
            return PhoneNumberMasking.mask(super.throwableProxyToString(proxy));
        }
    }

    /** {@code %rEx}, {@code %rootException}. */
    public static class RootCauseFirstEx extends RootCauseFirstThrowableProxyConverter {
        @Override
        protected String throwableProxyToString(IThrowableProxy proxy) {
            return PhoneNumberMasking.mask(super.throwableProxyToString(proxy));
        }
    }

    /** Spring Boot's {@code %wex}. */
    public static class WhitespaceEx extends WhitespaceThrowableProxyConverter {
        @Override
        protected String throwableProxyToString(IThrowableProxy proxy) {
            return PhoneNumberMasking.mask(super.throwableProxyToString(proxy));
        }
    }

    /** Spring Boot's {@code %wEx}, the exception word of its default patterns. */
    public static class ExtendedWhitespaceEx extends ExtendedWhitespaceThrowableProxyConverter {
        @Override
        protected String throwableProxyToString(IThrowableProxy proxy) {
            return PhoneNumberMasking.mask(super.throwableProxyToString(proxy));
        }
    }
}
