package io.agentcalls.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;

class ApiExceptionHandlerTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler();

    @Test
    void anUnexpectedFailureIsTheDocumented500BodyWithoutTheCause() {
        var response =
                handler.unexpected(new IllegalStateException("secret detail +919812345678"), at("/api/v1/campaigns"));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(response.getBody())
                .isEqualTo(new ErrorResponse(false, "InternalServerError", "An unexpected error occurred", null));
    }

    @Test
    void initiateCallsKeepsItsPagesOwn500Word() {
        var response = handler.unexpected(new IllegalStateException("boom"), at("/api/v1/initiate/cmp_1/calls"));
        assertThat(asMap(response.getBody()))
                .containsExactly(
                        Map.entry("success", false),
                        Map.entry("error", "Internal Server Error"),
                        Map.entry("message", "An unexpected error occurred"));
    }

    private static MockHttpServletRequest at(String path) {
        return new MockHttpServletRequest("POST", path);
    }

    @Test
    void noConnectionInTimeIsA503ToRetryEvenWhenWrapped() {
        var timeout = new java.sql.SQLTransientConnectionException("agentcalls - Connection is not available");
        var wrapped = new IllegalStateException(
                new org.springframework.transaction.CannotCreateTransactionException("no connection", timeout));

        var response = handler.unexpected(wrapped, at("/api/v1/calls"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(response.getBody())
                .isEqualTo(ErrorResponse.of(HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.MESSAGE));
    }

    @Test
    void extraFieldsKeepTheirOrderAfterMessage() {
        ApiException e = new ApiException(
                HttpStatus.BAD_REQUEST, "m", List.of(), new java.util.LinkedHashMap<>(Map.of("totalMatched", 1)));
        assertThat(ApiExceptionHandler.bodyOf(e).keySet())
                .containsExactly("success", "error", "message", "totalMatched");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object body) {
        return (Map<String, Object>) body;
    }

    @Test
    void phoneNumbersAreMaskedForLogs() {
        assertThat(PhoneNumbers.mask("+919812345678")).isEqualTo("+91********78");
    }
}
