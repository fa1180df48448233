package io.agentcalls.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Every kind of value a request record can hold, with each refused value, read by the service's rules. */
class SafeValuesModuleTest {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new SafeValuesModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    record Inner(String code, Map<String, Object> data) {}

    record Body(
            String name,
            List<String> tags,
            Map<String, Object> extra,
            JsonNode tree,
            Double ratio,
            double primitive,
            BigDecimal amount,
            Integer count,
            List<Inner> inners) {}

    private static String errorOf(String json) {
        Throwable thrown = catchThrowable(() -> MAPPER.readValue(json, Body.class));
        assertThat(thrown).as(json).isNotNull();
        return JsonErrors.describe(new HttpMessageNotReadableException("unreadable", thrown, null));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"name\":\"a\\u0000b\"}|name must not contain NUL characters",
                "{\"name\":\"a\\ud800b\"}|name must not contain unpaired surrogate characters",
                "{\"name\":\"\\udc00\"}|name must not contain unpaired surrogate characters",
                "{\"tags\":[\"ok\",\"x\\u0000\"]}|tags[1] must not contain NUL characters",
                "{\"extra\":{\"a\":{\"b\":[1,\"\\u0000\"]}}}|extra.a.b[1] must not contain NUL characters",
                "{\"extra\":{\"a\":1e400}}|extra.a is out of range",
                "{\"extra\":{\"k\\u0000\":1}}|extra.k\\u0000 is a field name that must not contain NUL characters",
                "{\"tree\":{\"x\":[{\"y\":-1e400}]}}|tree.x[0].y is out of range",
                "{\"tree\":{\"x\":1e999999999}}|tree.x is out of range",
                "{\"tree\":{\"k\\ud800\":1}}|tree.k\\ud800 is a field name that must not contain unpaired surrogate"
                        + " characters",
                "{\"tree\":\"\\u0000\"}|tree must not contain NUL characters",
                "{\"ratio\":1e400}|ratio is out of range",
                "{\"primitive\":-1e400}|primitive is out of range",
                "{\"amount\":1e999999999}|amount is out of range",
                "{\"count\":1e400}|count is out of range",
                "{\"count\":1" + "0000000000" + "0000000000}|count is out of range",
                "{\"inners\":[{\"code\":\"a\"},{\"code\":\"\\u0000\"}]}|inners[1].code must not contain NUL characters",
                "{\"inners\":[{\"data\":{\"n\":1e400}}]}|inners[0].data.n is out of range",
            })
    void refusesTheValueAndNamesItsField(String json, String error) {
        assertThat(errorOf(json)).isEqualTo(error);
    }

    @Test
    void aTreeAtTheTopIsNamedBody() {
        Throwable thrown =
                catchThrowable(() -> MAPPER.readValue("{\"filters\":{\"x\":{\"max\":-1e400}}}", JsonNode.class));
        assertThat(JsonErrors.describe(new HttpMessageNotReadableException("unreadable", thrown, null)))
                .isEqualTo("filters.x.max is out of range");
        thrown = catchThrowable(() -> MAPPER.readValue("\"\\u0000\"", JsonNode.class));
        assertThat(JsonErrors.describe(new HttpMessageNotReadableException("unreadable", thrown, null)))
                .isEqualTo("body must not contain NUL characters");
    }

    @Test
    void acceptsWhatIsFine() {
        Body body = MAPPER.readValue(
                "{\"name\":\"Asha \\ud83d\\ude00 \\u00e9\",\"tags\":[\"a\"],\"extra\":{\"n\":1.7976931348623157e308},"
                        + "\"tree\":{\"x\":[1e-400,-5,\"ok\"]},\"ratio\":0.5,\"primitive\":-1e308,"
                        + "\"amount\":123.45,\"count\":7}",
                Body.class);
        assertThat(body.name()).isEqualTo("Asha \ud83d\ude00 \u00e9");
        assertThat(body.amount()).isEqualByComparingTo("123.45");
        assertThat(body.tree().at("/x/2").asString()).isEqualTo("ok");
    }

    @Test
    void textRules() {
        assertThat(BodyValues.textProblem("plain")).isNull();
        assertThat(BodyValues.textProblem("\ud83d\ude00")).isNull();
        assertThat(BodyValues.textProblem("\ude00\ud83d")).isEqualTo(BodyValues.SURROGATE);
        assertThat(BodyValues.textProblem("end\ud83d")).isEqualTo(BodyValues.SURROGATE);
        assertThat(BodyValues.textProblem("\0")).isEqualTo(BodyValues.NUL);
        assertThat(BodyValues.printable("a\0b\ud800\ud83d\ude00")).isEqualTo("a\\u0000b\\ud800\ud83d\ude00");
    }

    @Test
    void numberRules() {
        assertThat(BodyValues.overflows(Double.MAX_VALUE)).isFalse();
        assertThat(BodyValues.overflows(Double.NEGATIVE_INFINITY)).isTrue();
        assertThat(BodyValues.overflows(new BigDecimal("-1e999999999"))).isTrue();
        assertThat(BodyValues.overflows(new BigDecimal("1e308"))).isFalse();
        assertThat(BodyValues.overflows(java.math.BigInteger.TWO.pow(1024))).isTrue();
        assertThat(BodyValues.overflows(java.math.BigInteger.TWO.pow(1023))).isFalse();
        assertThat(BodyValues.overflows(Long.MAX_VALUE)).isFalse();
    }
}
