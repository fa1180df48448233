package io.agentcalls.media;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A transcript as the runner reported it (text) in turns of speech, {@code [{speaker, message}]} in
 * order: a line {@code Speaker: words} starts a turn, {@code BOT} for the agent (Agent, Bot, AI,
 * Assistant) and {@code HUMAN} for the person called (Customer, Human, User, Caller, Borrower), in
 * any case; any other line goes on the turn before it. Text before the first named speaker is the
 * agent's: on an outbound call the agent speaks first.
 */
public final class TranscriptTurns {

    /** One turn of speech, as documented. */
    public record Turn(String speaker, String message) {}

    static final String BOT = "BOT";
    static final String HUMAN = "HUMAN";
    private static final Set<String> BOTS = Set.of("agent", "bot", "ai", "ai agent", "assistant");
    private static final Set<String> HUMANS = Set.of("customer", "human", "user", "caller", "borrower");

    private TranscriptTurns() {}

    static List<Turn> of(String transcript) {
        List<String> speakers = new ArrayList<>();
        List<StringBuilder> messages = new ArrayList<>();
        for (String line : transcript.split("\\R")) {
            String text = line.strip();
            if (text.isEmpty()) {
                continue;
            }
            String speaker = speakerOf(text);
            if (speaker != null) {
                speakers.add(speaker);
                messages.add(
                        new StringBuilder(text.substring(text.indexOf(':') + 1).strip()));
            } else if (messages.isEmpty()) {
                speakers.add(BOT);
                messages.add(new StringBuilder(text));
            } else {
                StringBuilder last = messages.get(messages.size() - 1);
                (last.isEmpty() ? last : last.append('\n')).append(text);
            }
        }
        List<Turn> turns = new ArrayList<>(speakers.size());
        for (int i = 0; i < speakers.size(); i++) {
            turns.add(new Turn(speakers.get(i), messages.get(i).toString()));
        }
        return turns;
    }

    private static String speakerOf(String line) {
        int colon = line.indexOf(':');
        if (colon <= 0 || colon > 20) {
            return null;
        }
        String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        if (BOTS.contains(name)) {
            return BOT;
        }
        return HUMANS.contains(name) ? HUMAN : null;
    }
}
