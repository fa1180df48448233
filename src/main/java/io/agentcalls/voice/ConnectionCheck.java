package io.agentcalls.voice;

/** The answer to {@code POST /api/v1/voice-connections/{id}/test}. */
public record ConnectionCheck(boolean ok, String message) {

    public static ConnectionCheck passed() {
        return new ConnectionCheck(true, "The provider accepted the credentials");
    }

    public static ConnectionCheck failed(String message) {
        return new ConnectionCheck(false, message);
    }
}
