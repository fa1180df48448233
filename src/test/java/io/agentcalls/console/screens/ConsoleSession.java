package io.agentcalls.console.screens;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A signed-in console session over plain HTTP, for tests that send the console's pages wrong
 * requests a browser would not: its own cookie jar, the sign-in form, and the CSRF token read from
 * a page's meta tag, as htmx sends it.
 */
final class ConsoleSession {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern FORM_CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final String base;
    private String csrf;

    private ConsoleSession(int port) {
        this.base = "http://localhost:" + port;
    }

    static ConsoleSession signIn(int port, String email, String password) {
        ConsoleSession session = new ConsoleSession(port);
        HttpResponse<String> form = session.get("/login");
        Matcher token = FORM_CSRF.matcher(form.body());
        if (!token.find()) {
            throw new IllegalStateException("no CSRF field on the sign-in page");
        }
        HttpResponse<String> signedIn = session.send(HttpRequest.newBuilder(URI.create(session.base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        form(Map.of("email", email, "password", password, "_csrf", token.group(1)))))
                .build());
        String location = signedIn.headers().firstValue("Location").orElse("");
        if (signedIn.statusCode() != 302 || location.contains("error") || location.contains("throttled")) {
            throw new IllegalStateException("sign-in refused: " + signedIn.statusCode() + " " + location);
        }
        Matcher meta = CSRF.matcher(session.get("/console/settings").body());
        if (!meta.find()) {
            throw new IllegalStateException("no CSRF meta tag on the console's pages");
        }
        session.csrf = meta.group(1);
        return session;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    /** A form post with the session's CSRF token in the header htmx uses. */
    HttpResponse<String> post(String path, Map<String, String> fields) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-CSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)))
                .build());
    }

    /** A multipart post of one file field (and the other fields), with the CSRF header. */
    HttpResponse<String> upload(String path, Map<String, String> fields, String fileField, String content) {
        String boundary = "----console-test-boundary";
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"")
                .append(name)
                .append("\"\r\n\r\n")
                .append(value)
                .append("\r\n"));
        if (fileField != null) {
            body.append("--")
                    .append(boundary)
                    .append("\r\nContent-Disposition: form-data; name=\"")
                    .append(fileField)
                    .append("\"; filename=\"upload.csv\"\r\nContent-Type: text/csv\r\n\r\n")
                    .append(content)
                    .append("\r\n");
        }
        body.append("--").append(boundary).append("--\r\n");
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("X-CSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
