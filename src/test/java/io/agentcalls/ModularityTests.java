package io.agentcalls;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Holds the feature boundaries of DESIGN.md: features meet only through each other's public API. */
class ModularityTests {

    @Test
    void moduleBoundariesHold() {
        ApplicationModules.of(AgentcallsApplication.class).verify();
    }
}
