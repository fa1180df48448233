package io.agentcalls.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromptTemplateTest {

    @Test
    void findsDistinctVariablesInOrderOfFirstAppearance() {
        var parsed = PromptTemplate.parse("Namaste {{name}}, EMI {{emi_amount}} due {{emi_due_date}}, {{name}}!");

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.variables()).containsExactly("name", "emi_amount", "emi_due_date");
    }

    @Test
    void allowsSpacesInsideTheBraces() {
        assertThat(PromptTemplate.parse("{{ name }} {{\tloan_amount\t}} {{_x1}}")
                        .variables())
                .containsExactly("name", "loan_amount", "_x1");
    }

    @Test
    void aPromptWithoutPlaceholdersHasNoVariables() {
        var parsed = PromptTemplate.parse("Hello, this is a reminder. {single} braces and }} stray closers are text.");

        assertThat(parsed.variables()).isEmpty();
        assertThat(parsed.errors()).isEmpty();
    }

    @Test
    void namesEveryInvalidPlaceholder() {
        var parsed = PromptTemplate.parse("{{Bad-Name}} {{}} {{ }} {{1st}} {{Name}} {{a b}} {{{x}}} {{ok}}");

        assertThat(parsed.errors())
                .containsExactly(
                        "prompt has an invalid variable '{{Bad-Name}}'",
                        "prompt has an empty variable '{{}}'",
                        "prompt has an empty variable '{{ }}'",
                        "prompt has an invalid variable '{{1st}}'",
                        "prompt has an invalid variable '{{Name}}'",
                        "prompt has an invalid variable '{{a b}}'",
                        "prompt has an invalid variable '{{{x}}'");
        assertThat(parsed.variables()).containsExactly("ok");
    }

    @Test
    void anUnclosedPlaceholderIsNamedByPosition() {
        assertThat(PromptTemplate.parse("Hi {{name}}, pay {{amount").errors())
                .containsExactly("prompt has an unclosed '{{' at character 18");
        assertThat(PromptTemplate.parse("{{").errors()).containsExactly("prompt has an unclosed '{{' at character 1");
    }

    @Test
    void longInvalidPlaceholdersAreShortenedInTheMessage() {
        String message =
                PromptTemplate.parse("{{" + "X".repeat(500) + "}}").errors().get(0);

        assertThat(message).hasSizeLessThan(120).endsWith("…'");
    }

    @Test
    void reportsAtMostTwentyErrors() {
        assertThat(PromptTemplate.parse("{{A}}".repeat(1000)).errors()).hasSize(1);
        assertThat(PromptTemplate.parse("{{A1}}{{A2}}{{A3}}{{A4}}{{A5}}{{A6}}{{A7}}{{A8}}{{A9}}{{A10}}"
                                + "{{A11}}{{A12}}{{A13}}{{A14}}{{A15}}{{A16}}{{A17}}{{A18}}{{A19}}{{A20}}{{A21}}")
                        .errors())
                .hasSize(20);
    }

    @Test
    void declaredVariableNamesFollowTheSamePattern() {
        assertThat(PromptTemplate.checkVariableNames(Arrays.asList("loan_amount", "Loan", "a-b", "", null, "_ok9")))
                .containsExactly(
                        "variables[1] 'Loan' is not a valid variable name (lower snake case: a-z, 0-9, _)",
                        "variables[2] 'a-b' is not a valid variable name (lower snake case: a-z, 0-9, _)",
                        "variables[3] '' is not a valid variable name (lower snake case: a-z, 0-9, _)",
                        "variables[4] must not be null");
    }

    @Test
    void requiredVariablesArePromptVariablesThenDeclaredOnes() {
        assertThat(PromptTemplate.requiredVariables(List.of("name", "emi_amount"), List.of("loan_amount", "name")))
                .containsExactly("name", "emi_amount", "loan_amount");
    }
}
