package io.agentcalls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Holds the feature boundaries of DESIGN.md: features meet only through each other's public API.
 * Also writes the module diagrams (PlantUML) into {@code docs/modules/}, so they change with the code.
 */
class ModularityTests {

    private static final ApplicationModules MODULES = ApplicationModules.of(AgentcallsApplication.class);
    private static final Path DIAGRAMS = Path.of("docs/modules");

    @Test
    void moduleBoundariesHold() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDiagrams() throws IOException {
        // diagrams only: Spring Modulith 2.0.3's module canvases fail on this code's javadoc metadata
        // ("No signature found in source map" for a record with nested records)
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DIAGRAMS.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        try (Stream<Path> diagrams = Files.list(DIAGRAMS)) {
            for (Path diagram : diagrams.toList()) {
                Files.write(diagram, inStableOrder(Files.readAllLines(diagram)));
            }
        }
    }

    /**
     * The diagram with each run of components and of relations sorted: the documenter writes them in
     * the order of a hash set, which would change the committed files on every build.
     */
    private static List<String> inStableOrder(List<String> lines) {
        List<String> sorted = new ArrayList<>(lines.size());
        List<String> run = new ArrayList<>();
        String kind = null;
        for (String line : lines) {
            String lineKind = line.strip().startsWith("Rel(")
                    ? "Rel"
                    : line.strip().startsWith("Component(") ? "Component" : null;
            if (lineKind == null || !lineKind.equals(kind)) {
                run.sort(null);
                sorted.addAll(run);
                run.clear();
            }
            kind = lineKind;
            if (lineKind == null) {
                sorted.add(line);
            } else {
                run.add(line);
            }
        }
        run.sort(null);
        sorted.addAll(run);
        return sorted;
    }
}
