package io.agentcalls.apidocs;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The committed OpenAPI document, {@code docs/api/openapi.json}: written pretty, keys sorted at every
 * level, so a change of the contract is a small, readable diff in review.
 */
final class OpenApiDocument {

    static final Path COMMITTED = Path.of("docs/api/openapi.json");
    static final String REFRESH = "mvn -B test -Dtest=OpenApiDocumentTest -Dopenapi.write=true";

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private OpenApiDocument() {}

    /** The document in the committed form: sorted keys, two-space indents, a final newline. */
    static String canonical(String json) {
        Object sorted = sorted(JSON.readTree(json));
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(sorted) + "\n";
    }

    static String committed() {
        try {
            return Files.exists(COMMITTED) ? Files.readString(COMMITTED) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(String canonical) {
        try {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, canonical);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parsed and validated by swagger-parser, references resolved. */
    static SwaggerParseResult parse(String json) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIParser().readContents(json, null, options);
    }

    static OpenAPI model(String json) {
        return parse(json).getOpenAPI();
    }

    /** The first lines where two texts differ, numbered, for a failure message that fits on a screen. */
    static List<String> differences(String expected, String actual, int max) {
        String[] a = expected.split("\n", -1);
        String[] b = actual.split("\n", -1);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.max(a.length, b.length) && out.size() < max; i++) {
            String left = i < a.length ? a[i] : "<end>";
            String right = i < b.length ? b[i] : "<end>";
            if (!left.equals(right)) {
                out.add("line " + (i + 1) + ": committed " + left.strip() + " | served " + right.strip());
            }
        }
        return out;
    }

    private static Object sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new TreeMap<>();
            node.properties().forEach(e -> map.put(e.getKey(), sorted(e.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(item -> list.add(sorted(item)));
            return list;
        }
        return node;
    }
}
