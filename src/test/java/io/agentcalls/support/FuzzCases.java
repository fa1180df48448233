package io.agentcalls.support;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates the fuzz test's requests from a seeded {@link Random}: for each route, bodies that the
 * endpoint must refuse (poisoned JSON, wrong types, arrays over their cap, wrong content types,
 * broken CSV and multipart), and paths whose ids are never all the organization's own.
 */
public final class FuzzCases {

    /** One request to send, and what makes it invalid. */
    public record FuzzCase(FuzzRoute route, String method, String path, String contentType, byte[] body, String what) {}

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

    private final Map<String, String> ownIds;
    private final Map<String, String> foreignIds;

    public FuzzCases(Map<String, String> ownIds, Map<String, String> foreignIds) {
        this.ownIds = ownIds;
        this.foreignIds = foreignIds;
    }

    public List<FuzzCase> generate(List<FuzzRoute> routes, int perRoute, Random random) {
        MalformedJson json = new MalformedJson(random);
        MalformedCsv csv = new MalformedCsv(random);
        List<FuzzCase> cases = new ArrayList<>();
        for (FuzzRoute route : routes) {
            for (int i = 0; i < perRoute; i++) {
                cases.add(
                        switch (route.kind()) {
                            case ID_ONLY -> idOnlyCase(route, json, random);
                            case CSV -> csvCase(route, csv, random);
                            case MULTIPART -> multipartCase(route, csv, random);
                            default -> jsonCase(route, json, random);
                        });
            }
        }
        Collections.shuffle(cases, random); // endpoints interleaved, as real traffic is
        return cases;
    }

    private FuzzCase jsonCase(FuzzRoute route, MalformedJson json, Random random) {
        ObjectNode valid = (ObjectNode) JSON.readTree(route.validBody());
        String path = fill(route.pattern(), ownIds);
        boolean hasPathIds = !path.equals(route.pattern());
        int choice = random.nextInt(20);
        // the admin token belongs to no organization: no organization's id is foreign to it
        if (choice == 0 && hasPathIds && route.kind() != FuzzRoute.Kind.ADMIN_JSON) {
            return new FuzzCase(
                    route,
                    route.method(),
                    fill(route.pattern(), foreignIds),
                    "application/json",
                    json.noisy(valid),
                    "another organization's ids in the path");
        }
        if (choice == 1 && route.kind() != FuzzRoute.Kind.RUNNER_JSON) {
            String type = json.pick(new String[] {
                "text/plain",
                "application/xml",
                null,
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x"
            });
            return new FuzzCase(
                    route, route.method(), path, type, JSON.writeValueAsBytes(valid), "content type " + type);
        }
        if ((choice == 2 || choice == 3) && !route.wrongTypes().isEmpty()) {
            List<String> pointers =
                    new ArrayList<>(new TreeSet<>(route.wrongTypes().keySet()));
            String pointer = pointers.get(random.nextInt(pointers.size()));
            List<String> values = route.wrongTypes().get(pointer);
            String value = values.get(random.nextInt(values.size()));
            set(valid, pointer, JSON.readTree(value));
            return new FuzzCase(
                    route,
                    route.method(),
                    path,
                    "application/json",
                    JSON.writeValueAsBytes(valid),
                    "wrong type: " + pointer + " = " + value);
        }
        if (choice == 4) {
            String pointer = route.cappedArray() != null ? route.cappedArray() : "/zz_huge";
            int count = route.cappedArray() != null ? route.overCap() : 10_001;
            ArrayNode huge = JSON.createArrayNode();
            JsonNode element = pointer.equals("/customers") || pointer.equals("/events")
                    ? JSON.createObjectNode()
                    : JSON.getNodeFactory().stringNode("v");
            for (int i = 0; i < count; i++) {
                huge.add(element);
            }
            set(valid, pointer, huge);
            return new FuzzCase(
                    route,
                    route.method(),
                    path,
                    "application/json",
                    JSON.writeValueAsBytes(valid),
                    "array of " + count + " at " + pointer);
        }
        MalformedJson.Poison poison = json.anyPoison();
        return new FuzzCase(
                route, route.method(), path, "application/json", json.poisoned(valid, poison), poison.name());
    }

    /** Path ids never all the organization's own: another's, another type's, unknown or garbage. */
    private FuzzCase idOnlyCase(FuzzRoute route, MalformedJson json, Random random) {
        Matcher variables = VARIABLE.matcher(route.pattern());
        StringBuilder path = new StringBuilder();
        List<String> names = new ArrayList<>();
        while (variables.find()) {
            names.add(variables.group(1));
        }
        variables.reset();
        int index = 0;
        List<String> what = new ArrayList<>();
        while (variables.find()) {
            String name = variables.group(1);
            boolean last = ++index == names.size();
            String id;
            int kind = random.nextInt(last ? 4 : 5);
            switch (kind) {
                case 0 -> id = foreignIds.get(name);
                case 1 -> {
                    List<String> others = ownIds.entrySet().stream()
                            .filter(e -> !e.getKey().equals(name))
                            .map(Map.Entry::getValue)
                            .sorted()
                            .toList();
                    id = others.get(random.nextInt(others.size()));
                }
                case 2 -> id = unknownLike(ownIds.get(name), random);
                case 3 -> id = garbage(random);
                default -> id = ownIds.get(name); // only before the last variable
            }
            what.add(name + "="
                    + (kind == 4 ? "own" : new String[] {"foreign", "other type", "unknown", "garbage"}[kind]));
            variables.appendReplacement(path, Matcher.quoteReplacement(URLEncoder.encode(id, StandardCharsets.UTF_8)));
        }
        variables.appendTail(path);
        return new FuzzCase(
                route,
                route.method(),
                path.toString(),
                random.nextBoolean() ? "application/json" : null,
                json.junk(),
                String.join(", ", what));
    }

    private FuzzCase csvCase(FuzzRoute route, MalformedCsv csv, Random random) {
        if (random.nextInt(10) == 0) {
            return new FuzzCase(
                    route,
                    route.method(),
                    fill(route.pattern(), foreignIds),
                    "text/csv",
                    "id,phone\nX-1,9812345678\n".getBytes(StandardCharsets.UTF_8),
                    "another organization's campaign");
        }
        return new FuzzCase(
                route, route.method(), fill(route.pattern(), ownIds), "text/csv", csv.refused(), "broken CSV");
    }

    private FuzzCase multipartCase(FuzzRoute route, MalformedCsv csv, Random random) {
        String boundary = "fuzz" + random.nextInt(1_000_000);
        String field = random.nextInt(8) == 0 ? "upload" : "file";
        byte[] content =
                field.equals("file") ? csv.refused() : "id,phone\nX-1,9812345678\n".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field
                        + "\"; filename=\"c.csv\"\r\nContent-Type: text/csv\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        boolean broken = random.nextInt(6) == 0;
        body.writeBytes(("\r\n--" + boundary + (broken ? "" : "--\r\n")).getBytes(StandardCharsets.UTF_8));
        return new FuzzCase(
                route,
                route.method(),
                fill(route.pattern(), ownIds),
                "multipart/form-data; boundary=" + boundary,
                body.toByteArray(),
                field.equals("file") ? (broken ? "unterminated multipart" : "broken CSV") : "no file field");
    }

    /** An id of the same shape as the organization's own, that is none of its ids. */
    private static String unknownLike(String own, Random random) {
        String id = own.matches("[a-z]+_[0-9a-f]{32}")
                ? own.substring(0, own.length() - 6) + String.format("%06x", random.nextInt(1 << 24))
                : own + "-" + random.nextInt(1000);
        return id.equals(own) ? own + "0" : id;
    }

    private static String garbage(Random random) {
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-";
        StringBuilder id = new StringBuilder();
        int length = 1 + random.nextInt(random.nextInt(10) == 0 ? 3000 : 60);
        for (int i = 0; i < length; i++) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    private static void set(ObjectNode body, String pointer, JsonNode value) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = slash == 0 ? body : body.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        } else if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else {
            body.withObject(pointer.substring(0, slash)).set(last, value);
        }
    }

    private static String fill(String pattern, Map<String, String> ids) {
        Matcher variables = VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (variables.find()) {
            variables.appendReplacement(path, Matcher.quoteReplacement(ids.get(variables.group(1))));
        }
        return variables.appendTail(path).toString();
    }
}
