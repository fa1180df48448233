package io.agentcalls.media;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code agentcalls.media.*}.
 *
 * @param maxRecordingSize the most of a recording streamed from where it is kept; a larger one is
 *     refused when its length is announced, and cut off when it is not
 */
@ConfigurationProperties("agentcalls.media")
record MediaProperties(@DefaultValue("100MB") DataSize maxRecordingSize) {}
