package io.agentcalls.call;

/**
 * Where a call's recording is kept and its transcript as the runner reported them (null when it
 * reported none), with the talk time, for the media feature.
 */
public record CallMedia(String callId, String recordingUrl, String transcript, Integer durationSeconds) {}
