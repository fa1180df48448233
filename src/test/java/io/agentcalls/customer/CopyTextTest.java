package io.agentcalls.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CopyTextTest {

    @Test
    void copyColumnsEscapeWhatCopyTextFormatUsesAndMarkNull() {
        StringBuilder line = new StringBuilder();
        CopyText.appendColumn(line, "a\tb\nc\rd\\e");
        line.append('|');
        CopyText.appendColumn(line, null);
        assertThat(line.toString()).isEqualTo("a\\tb\\nc\\rd\\\\e|\\N");
    }

    @Test
    void customJsonKeepsScalarTypesAndEscapesText() {
        Map<String, Object> custom = new LinkedHashMap<>();
        custom.put("branch", "Mum\"bai\\\n\001");
        custom.put("score", new BigDecimal("712"));
        custom.put("ratio", new BigDecimal("0.25"));
        custom.put("vip", true);
        custom.put("gone", null);

        String json = CopyText.json(custom);

        // JSON escapes for the quote and the backslash, hex escapes for the control characters
        assertThat(json)
                .isEqualTo("{\"branch\":\"Mum\\\"bai\\\\\\u000a\\u0001\",\"score\":712,\"ratio\":0.25,"
                        + "\"vip\":true,\"gone\":null}");
        var parsed = JsonMapper.builder().build().readTree(json);
        assertThat(parsed.at("/branch").asString()).isEqualTo("Mum\"bai\\\n\001");
        assertThat(parsed.at("/score").isNumber()).isTrue();
        assertThat(parsed.at("/vip").isBoolean()).isTrue();
        assertThat(CopyText.json(Map.of())).isEqualTo("{}");
    }
}
