package io.agentcalls.common;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies are read strictly: a number where a string belongs (or the reverse) is a wrong type
 * and a 400, not silently converted, so a client learns of its mistake. A fraction where an integer
 * belongs is refused too, rather than truncated (10.5 concurrent calls is not 10). Text with NUL or
 * an unpaired surrogate and numbers beyond a double's range are refused wherever they are ({@link
 * SafeValuesModule}).
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

    @Bean
    JacksonModule safeValuesModule() {
        return new SafeValuesModule();
    }

    @Bean
    JsonMapperBuilderCustomizer strictScalarTypes() {
        return builder -> {
            builder.withCoercionConfig(
                    LogicalType.Textual,
                    c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
            for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
                // "" and blank text too: Jackson would read "" or "\u0000" (which trim() removes) as null
                builder.withCoercionConfig(
                        type,
                        c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                                .setAcceptBlankAsEmpty(false));
            }
            builder.withCoercionConfig(
                    LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.Float, CoercionAction.Fail));
        };
    }
}
