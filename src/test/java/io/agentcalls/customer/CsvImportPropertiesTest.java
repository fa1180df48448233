package io.agentcalls.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

class CsvImportPropertiesTest {

    private static CsvImportProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("agentcalls.imports", CsvImportProperties.class);
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        CsvImportProperties defaults = bind(Map.of());
        assertThat(defaults.maxBytes()).isEqualTo(DataSize.ofGigabytes(1));
        assertThat(defaults.maxRows()).isEqualTo(5_000_000);
        assertThat(defaults.maxFieldBytes()).isEqualTo(DataSize.ofKilobytes(64));
        assertThat(defaults.maxColumns()).isEqualTo(200);
        assertThat(defaults.maxConcurrent()).isEqualTo(32);
        assertThat(defaults.maxDuration()).isEqualTo(Duration.ofHours(1));
        assertThat(defaults.spoolDirectory()).isNull();
    }

    @Test
    void anEmptySpoolDirectoryIsTheSystemTemporaryOneNotTheWorkingDirectory() {
        assertThat(bind(Map.of("agentcalls.imports.spool-directory", "")).spoolDirectory())
                .isNull();
    }
}
