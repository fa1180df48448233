package io.agentcalls.common.logging;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Masks phone numbers in structured JSON logs (ecs, logstash, gelf): every string value, so the
 * message, the stack trace and MDC or key-value pairs alike. Registered in
 * {@code META-INF/spring.factories}, so it applies whatever {@code logging.structured.format.*} says.
 */
public class MaskingJsonMembersCustomizer implements StructuredLoggingJsonMembersCustomizer<Object> {

    @Override
    public void customize(JsonWriter.Members<Object> members) {
        members.applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, PhoneNumberMasking::mask));
    }
}
