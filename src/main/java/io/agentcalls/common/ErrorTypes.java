package io.agentcalls.common;

/**
 * The {@code error} word of every error envelope. The TimePay Agents API documents four of them
 * ({@code Unauthorized}, {@code Forbidden}, {@code NotFound}, {@code InternalServerError}): each is
 * the status's reason phrase without spaces, and every other status follows the same rule, so the
 * word is a function of the status alone (docs/API-DECISIONS.md lists them).
 */
public final class ErrorTypes {

    /** The 500 word of the Initiate Call(s) page, which spells it with spaces; nowhere else. */
    public static final String INITIATE_CALLS_INTERNAL_ERROR = "Internal Server Error";

    private ErrorTypes() {}

    public static String of(int status) {
        return switch (status) {
            case 400 -> "BadRequest";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "NotFound";
            case 405 -> "MethodNotAllowed";
            case 406 -> "NotAcceptable";
            case 409 -> "Conflict";
            case 413 -> "PayloadTooLarge";
            case 415 -> "UnsupportedMediaType";
            case 422 -> "UnprocessableEntity";
            case 429 -> "TooManyRequests";
            case 431 -> "RequestHeaderFieldsTooLarge";
            case 501 -> "NotImplemented";
            case 502 -> "BadGateway";
            case 503 -> "ServiceUnavailable";
            case 504 -> "GatewayTimeout";
            default -> status >= 500 ? "InternalServerError" : "BadRequest";
        };
    }
}
