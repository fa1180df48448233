package io.agentcalls.common.logging;

import ch.qos.logback.core.boolex.PropertyConditionBase;

/**
 * A Logback {@code <condition>} true when a property has a non-blank value, so
 * {@code logback-spring.xml} can choose as Spring Boot's own setup does (a file appender only with
 * a log file, structured or pattern encoders) without Janino.
 */
public class PropertyIsSet extends PropertyConditionBase {

    private String key;

    public void setKey(String key) {
        this.key = key;
    }

    public String getKey() {
        return key;
    }

    @Override
    public void start() {
        if (key == null) {
            addError("PropertyIsSet needs a <key>");
            return;
        }
        super.start();
    }

    @Override
    public boolean evaluate() {
        String value = property(key);
        return value != null && !value.isBlank();
    }
}
