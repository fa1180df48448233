package io.agentcalls.apidocs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The error envelope ({@code io.agentcalls.common.ErrorResponse}) as a schema, and the error answers
 * that operations share, as reusable responses with an example each. Written by hand rather than
 * read from the record: the record is built per status, and the document should say which words
 * {@code error} takes.
 */
final class ErrorAnswers {

    static final String SCHEMA = "ErrorResponse";
    static final String BAD_REQUEST = "BadRequest";
    static final String UNAUTHORIZED = "Unauthorized";
    static final String NOT_FOUND = "NotFound";
    static final String TOO_MANY_REQUESTS = "TooManyRequests";
    static final String CONFLICT = "Conflict";
    static final String UNSUPPORTED_MEDIA_TYPE = "UnsupportedMediaType";

    private ErrorAnswers() {}

    static void register(Components components) {
        components.addSchemas(SCHEMA, envelope());
        components.addResponses(
                BAD_REQUEST,
                answer(
                        "The request is malformed or a value is invalid; `errors` names each problem",
                        error("BadRequest", "Validation failed", List.of("limit must be an integer from 1 to 500"))));
        components.addResponses(
                UNAUTHORIZED,
                answer(
                        "No valid credentials for this endpoint (API key, admin token or runner signature)",
                        error("Unauthorized", "Missing or invalid authorization header", null)));
        components.addResponses(
                NOT_FOUND, answer("Nothing with that id in your organization", error("NotFound", "Not found", null)));
        components.addResponses(
                CONFLICT,
                answer(
                        "The request conflicts with what exists (a duplicate name, a state that forbids it)",
                        error("Conflict", "Phone number already exists", null)));
        components.addResponses(
                UNSUPPORTED_MEDIA_TYPE,
                answer(
                        "The Content-Type is not one this endpoint reads",
                        error(
                                "UnsupportedMediaType",
                                "Unsupported Content-Type",
                                List.of("Content-Type must be one of [application/json]"))));
        ApiResponse tooMany = answer(
                "The organization's rate limit is used up; try again after `Retry-After` seconds",
                error(
                        "TooManyRequests",
                        "Too many requests",
                        List.of("API requests are limited to 6000 a minute for an organization (bursts of 300)")));
        tooMany.addHeaderObject(
                "Retry-After",
                new Header()
                        .description("Seconds to wait before the next request")
                        .schema(new IntegerSchema()));
        components.addResponses(TOO_MANY_REQUESTS, tooMany);
    }

    /** The failure envelope; {@code message} and {@code errors} are meant to be shown to a person. */
    private static Schema<?> envelope() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("success", new BooleanSchema().description("Always false"));
        properties.put(
                "error",
                new StringSchema()
                        .description("The status as a word: BadRequest, Unauthorized, Forbidden, NotFound, Conflict,"
                                + " PayloadTooLarge, UnsupportedMediaType, TooManyRequests, InternalServerError,"
                                + " NotImplemented, ServiceUnavailable"));
        properties.put("message", new StringSchema().description("What went wrong"));
        properties.put(
                "errors",
                new ArraySchema()
                        .items(new StringSchema())
                        .description(
                                "Each problem of the request, naming the field; absent when there is one message"));
        Schema<?> schema = new ObjectSchema().description("The failure envelope of every endpoint");
        schema.setProperties(properties);
        schema.setRequired(List.of("success", "message"));
        return schema;
    }

    private static ApiResponse answer(String description, Map<String, Object> example) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                                new MediaType()
                                        .schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA))
                                        .addExamples("example", new Example().value(example))));
    }

    private static Map<String, Object> error(String error, String message, List<String> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", false);
        body.put("error", error);
        body.put("message", message);
        if (errors != null) {
            body.put("errors", errors);
        }
        return body;
    }
}
