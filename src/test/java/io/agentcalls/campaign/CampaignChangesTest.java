package io.agentcalls.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcalls.common.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class CampaignChangesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void absentFieldsKeepTheBaseAndGivenOnesReplaceIt() {
        CampaignSettings merged = read("{\"maxAttemptsPerDay\":1}").applyTo(named("x"));
        assertThat(merged)
                .isEqualTo(new CampaignSettings(
                        "x",
                        "Asia/Kolkata",
                        new CallingWindow("08:00", "19:00"),
                        1,
                        7,
                        null,
                        Campaign.ACTIVE,
                        CampaignDetails.NONE));
    }

    @Test
    void windowsMayCrossMidnightOrSpanTheWholeDayButNotBeEmpty() {
        assertThat(window("22:00", "06:00").problems()).isEmpty();
        assertThat(window("00:00", "24:00").problems()).isEmpty();
        assertThat(window("18:00", "00:00").problems()).isEmpty();
        assertThat(window("09:30", "09:30").problems())
                .containsExactly("callingWindow.start and callingWindow.end must differ (all day is 00:00 to 24:00)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"9:00", "09:60", "09:00:00", "24:01", "ab:cd", " 09:00"})
    void timesAreStrictHoursAndMinutes(String bad) {
        assertThatThrownBy(() -> read("{\"callingWindow\":{\"start\":\"" + bad + "\",\"end\":\"10:00\"}}"))
                .as(bad)
                .isInstanceOf(ApiException.class);
    }

    @Test
    void weeklyCapIsAtLeastTheDailyCap() {
        assertThatThrownBy(() -> read("{\"maxAttemptsPerDay\":8}").applyTo(named("x")))
                .isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).errors())
                .asList()
                .containsExactly("maxAttemptsPerWeek must be at least maxAttemptsPerDay");
    }

    @Test
    void everyProblemOfABodyIsNamedAtOnce() {
        assertThatThrownBy(() -> read("{\"name\":1,\"timezone\":\"Asia/Bombay2\",\"maxAttemptsPerWeek\":0,\"x\":1}"))
                .extracting(e -> ((ApiException) e).errors())
                .asList()
                .containsExactly(
                        "unknown field 'x'",
                        "name must be a string",
                        "timezone must be an IANA timezone such as Asia/Kolkata",
                        "maxAttemptsPerWeek must be from 1 to 1000");
    }

    @Test
    void theDocumentedTimesAreTheCallingWindowAndNamedAsSent() {
        CampaignSettings merged = read("{\"startTime\":\"10:00\"}").applyTo(named("x"));
        assertThat(merged.callingWindow()).isEqualTo(new CallingWindow("10:00", "19:00"));
        assertThatThrownBy(() -> read("{\"startTime\":\"19:00\"}").applyTo(named("x")))
                .extracting(e -> ((ApiException) e).errors())
                .asList()
                .containsExactly("startTime and endTime must differ (all day is 00:00 to 24:00)");
        assertThatThrownBy(() ->
                        read("{\"startTime\":\"10:00\",\"callingWindow\":{\"start\":\"09:00\",\"end\":\"17:00\"}}"))
                .extracting(e -> ((ApiException) e).errors())
                .asList()
                .containsExactly("give callingWindow or startTime and endTime, not both");
    }

    @Test
    void theScheduleRunsForward() {
        assertThatThrownBy(() -> read("{\"startDate\":\"2025-03-02\",\"endDate\":\"2025-03-01\"}")
                        .applyTo(named("x")))
                .extracting(e -> ((ApiException) e).errors())
                .asList()
                .containsExactly("startDate must not be after endDate");
    }

    private static CampaignChanges read(String json) {
        return CampaignChanges.read(JSON.readTree(json));
    }

    private static CampaignSettings named(String name) {
        CampaignSettings d = CampaignSettings.DEFAULTS;
        return new CampaignSettings(
                name,
                d.timezone(),
                d.callingWindow(),
                d.maxAttemptsPerDay(),
                d.maxAttemptsPerWeek(),
                null,
                d.status(),
                d.details());
    }

    private static CampaignSettings window(String start, String end) {
        return new CampaignSettings(
                "x", "Asia/Kolkata", new CallingWindow(start, end), 3, 7, null, Campaign.ACTIVE, CampaignDetails.NONE);
    }
}
