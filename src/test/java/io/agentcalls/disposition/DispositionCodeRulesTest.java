package io.agentcalls.disposition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class DispositionCodeRulesTest {

    private static DispositionCode code(String code, String category) {
        return new DispositionCode(code, "label", category);
    }

    @Test
    void acceptsUpperSnakeCaseCodesInEveryCategory() {
        assertThat(DispositionCodeRules.check(List.of(
                        code("PTP", "positive"),
                        code("RTP", "negative"),
                        code("NO_ANSWER_2", "neutral"),
                        code("CALLBACK", "callback"),
                        code("A" + "B".repeat(49), "neutral"))))
                .isEmpty();
    }

    @Test
    void refusesCodesThatAreNotUpperSnakeCase() {
        assertThat(DispositionCodeRules.check(List.of(
                        code("ptp", "positive"),
                        code("1ST", "positive"),
                        code("_X", "positive"),
                        code("A-B", "positive"))))
                .containsExactly(
                        "codes[0].code 'ptp' must be upper case letters, digits and _, starting with a letter",
                        "codes[1].code '1ST' must be upper case letters, digits and _, starting with a letter",
                        "codes[2].code '_X' must be upper case letters, digits and _, starting with a letter",
                        "codes[3].code 'A-B' must be upper case letters, digits and _, starting with a letter");
    }

    @Test
    void refusesMissingAndOverlongCodes() {
        assertThat(DispositionCodeRules.check(
                        List.of(code(null, "positive"), code(" ", "positive"), code("A".repeat(51), "positive"))))
                .containsExactly(
                        "codes[0].code must not be blank",
                        "codes[1].code must not be blank",
                        "codes[2].code must be at most 50 characters");
    }

    @Test
    void namesEachDuplicateAfterTheFirst() {
        assertThat(DispositionCodeRules.check(
                        List.of(code("PTP", "positive"), code("RTP", "negative"), code("PTP", "neutral"))))
                .containsExactly("codes[2].code 'PTP' is a duplicate");
    }

    @Test
    void categoryMustBeOneOfTheAllowedValues() {
        assertThat(DispositionCodeRules.check(
                        List.of(code("A", "great"), code("B", null), code("C", "POSITIVE"), code("D", ""))))
                .containsExactly(
                        "codes[0].category must be one of positive, negative, neutral, callback, not 'great'",
                        "codes[1].category must be one of positive, negative, neutral, callback",
                        "codes[2].category must be one of positive, negative, neutral, callback, not 'POSITIVE'",
                        "codes[3].category must be one of positive, negative, neutral, callback, not ''");
    }

    @Test
    void labelIsRequiredAndBounded() {
        assertThat(DispositionCodeRules.check(List.of(
                        new DispositionCode("A", null, "neutral"),
                        new DispositionCode("B", "  ", "neutral"),
                        new DispositionCode("C", "x".repeat(201), "neutral"))))
                .containsExactly(
                        "codes[0].label must not be blank",
                        "codes[1].label must not be blank",
                        "codes[2].label must be at most 200 characters");
    }

    @Test
    void theListHasOneToOneHundredEntries() {
        assertThat(DispositionCodeRules.check(null)).containsExactly("codes must have at least 1 entry");
        assertThat(DispositionCodeRules.check(List.of())).containsExactly("codes must have at least 1 entry");
        assertThat(DispositionCodeRules.check(Collections.nCopies(101, code("A", "neutral"))))
                .containsExactly("codes must have at most 100 entries");
        assertThat(DispositionCodeRules.check(Arrays.asList(code("A", "neutral"), null)))
                .containsExactly("codes[1] must not be null");
    }
}
