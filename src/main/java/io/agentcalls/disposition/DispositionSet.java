package io.agentcalls.disposition;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** A named, ordered set of disposition codes that an initiation assigns to its calls. */
public record DispositionSet(
        String id, String name, List<DispositionCode> codes, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    /** The code of this set with that name, if it belongs to the set. */
    public Optional<DispositionCode> code(String code) {
        return codes.stream().filter(c -> c.code().equals(code)).findFirst();
    }
}
