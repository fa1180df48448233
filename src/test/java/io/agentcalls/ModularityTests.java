package io.agentcalls;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Holds the feature boundaries of DESIGN.md: features meet only through each other's public API.
 * Also writes the module diagrams (PlantUML) into {@code docs/modules/}, so they change with the code.
 */
class ModularityTests {

    private static final ApplicationModules MODULES = ApplicationModules.of(AgentcallsApplication.class);

    @Test
    void moduleBoundariesHold() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDiagrams() {
        // diagrams only: Spring Modulith 2.0.3's module canvases fail on this code's javadoc metadata
        // ("No signature found in source map" for a record with nested records)
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
    }
}
