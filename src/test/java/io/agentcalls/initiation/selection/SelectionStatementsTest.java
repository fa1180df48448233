package io.agentcalls.initiation.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The three shapes of the selection statement stay one selection, and slots are filled exactly. */
class SelectionStatementsTest {

    @Test
    void theThreeShapesFilterAndClassifyAlike() {
        String count = classification(SelectionStatements.DRY_RUN_COUNT);

        assertThat(classification(SelectionStatements.LIMITED_DRY_RUN)).isEqualTo(count);
        // the write also carries each customer's payment status and language to its calls (V160)
        assertThat(classification(SelectionStatements.WRITE))
                .contains("AS tz, c.payment_status, c.language ${missingFlags}");
        assertThat(classification(SelectionStatements.WRITE).replace(", c.payment_status, c.language", ""))
                .isEqualTo(count);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DRY_RUN_COUNT", "LIMITED_DRY_RUN", "WRITE"})
    void everySkipReasonIsACodeAndOnlyTheRequestsPartsAreLeft(String name) throws Exception {
        String statement =
                (String) SelectionStatements.class.getDeclaredField(name).get(null);

        assertThat(statement).doesNotContain("${NONE}");
        for (SkipReason reason : SkipReason.values()) {
            assertThat(statement).doesNotContain("${" + reason.name() + "}").contains(reason.column());
        }
        assertThat(statement).contains("${filter}", "${probes}", "${missingFlags}", "${missingCounts}");
    }

    @Test
    void fillReplacesEachSlotWithItsPart() {
        assertThat(SelectionStatements.fill("SELECT ${a} FROM t WHERE ${b}", Map.of("a", "x", "b", "TRUE")))
                .isEqualTo("SELECT x FROM t WHERE TRUE");
    }

    @Test
    void aSlotWithoutAPartOrAPartWithoutASlotFails() {
        assertThatThrownBy(() -> SelectionStatements.fill("SELECT ${a}", Map.of()))
                .hasMessageContaining("${a}");
        assertThatThrownBy(() -> SelectionStatements.fill("SELECT ${a}", Map.of("a", "1", "b", "2")))
                .hasMessageContaining("without a slot");
    }

    /** The statement up to its classification's end, without comments, whatever it materializes. */
    private static String classification(String statement) {
        String head = statement.substring(0, statement.indexOf("FROM safeguarded s"));
        return head.replaceAll("--[^\n]*", "")
                .replace("classified AS NOT MATERIALIZED", "classified AS MATERIALIZED")
                .replaceAll("\\s+", " ");
    }
}
