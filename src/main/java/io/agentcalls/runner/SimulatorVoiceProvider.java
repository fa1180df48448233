package io.agentcalls.runner;

import io.agentcalls.voice.ConnectionCheck;
import io.agentcalls.voice.Dial;
import io.agentcalls.voice.DialOutcome;
import io.agentcalls.voice.ProviderConnection;
import io.agentcalls.voice.ProviderEvents;
import io.agentcalls.voice.ProviderWebhook;
import io.agentcalls.voice.VoiceProvider;
import io.agentcalls.voice.WebhookRejected;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The simulator as a voice provider: a placed call is queued for the simulated playback
 * ({@link SimulatedCallPlayer}), which reports its progress straight through the call service, so it
 * has no webhooks. Placing is idempotent by our call id (the playback row's key), as a provider's
 * idempotency key would be.
 */
@Component(SimulatorVoiceProvider.NAME)
class SimulatorVoiceProvider implements VoiceProvider {

    static final String NAME = "simulator";
    private static final String PREFIX = "sim_";

    private final SimulatedCallPlayer player;

    SimulatorVoiceProvider(SimulatedCallPlayer player) {
        this.player = player;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DialOutcome place(ProviderConnection connection, Dial dial) {
        player.accept(connection.organizationId(), List.of(dial.callId()));
        return new DialOutcome.Placed(PREFIX + dial.callId());
    }

    @Override
    public void hangUp(ProviderConnection connection, String providerCallId) {
        if (providerCallId != null && providerCallId.startsWith(PREFIX)) {
            player.forget(connection.organizationId(), List.of(providerCallId.substring(PREFIX.length())));
        }
    }

    @Override
    public ProviderEvents receive(ProviderConnection connection, ProviderWebhook webhook) {
        throw WebhookRejected.because("The simulator sends no webhooks");
    }

    @Override
    public ConnectionCheck check(ProviderConnection connection) {
        return ConnectionCheck.passed();
    }
}
