package io.agentcalls.console;

import io.agentcalls.call.OutcomeReport;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The outcomes screen's tables and chart, shaped from the call module's report. */
record OutcomesView(
        long ended, long contacted, String contactRate, List<Segment> segments, Segment totals, List<HourBar> hours) {

    /** Outcome columns as the screen names them. */
    static final Map<String, String> COLUMNS = columns();

    /** One payment status and language: calls by outcome, and the amount promised. */
    record Segment(String paymentStatus, String language, Map<String, Long> calls, BigDecimal promised) {

        public long total() {
            return calls.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** @param rate answered / placed as a percentage (0..100), or -1 when nothing was placed */
    record HourBar(int hour, long placed, long answered, int rate) {

        public String label() {
            return rate < 0 ? "–" : rate + "%";
        }
    }

    static OutcomesView of(OutcomeReport report) {
        Map<List<String>, Segment> segments = new LinkedHashMap<>();
        Map<String, Long> totalCalls = emptyCounts();
        BigDecimal totalPromised = BigDecimal.ZERO;
        for (OutcomeReport.Row row : report.rows()) {
            Segment segment = segments.computeIfAbsent(
                    List.of(row.paymentStatus(), row.language()),
                    key -> new Segment(key.get(0), key.get(1), emptyCounts(), BigDecimal.ZERO));
            segment.calls().merge(row.outcome(), row.calls(), Long::sum);
            totalCalls.merge(row.outcome(), row.calls(), Long::sum);
            if (row.amount() != null) {
                segments.put(
                        List.of(row.paymentStatus(), row.language()),
                        new Segment(
                                segment.paymentStatus(),
                                segment.language(),
                                segment.calls(),
                                segment.promised().add(row.amount())));
                totalPromised = totalPromised.add(row.amount());
            }
        }
        Map<Integer, OutcomeReport.Hour> byHour = new LinkedHashMap<>();
        report.hours().forEach(hour -> byHour.put(hour.hour(), hour));
        List<HourBar> hours = new ArrayList<>();
        for (int hour = 0; hour < 24; hour++) {
            OutcomeReport.Hour h = byHour.get(hour);
            long placed = h == null ? 0 : h.placed();
            long answered = h == null ? 0 : h.answered();
            hours.add(new HourBar(
                    hour, placed, answered, placed == 0 ? -1 : (int) Math.round(answered * 100.0 / placed)));
        }
        String rate = report.ended() == 0
                ? "–"
                : BigDecimal.valueOf(report.contacted() * 100.0 / report.ended())
                                .setScale(1, RoundingMode.HALF_UP) + "%";
        return new OutcomesView(
                report.ended(),
                report.contacted(),
                rate,
                List.copyOf(segments.values()),
                new Segment("All", "", totalCalls, totalPromised),
                hours);
    }

    private static Map<String, Long> emptyCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        OutcomeReport.OUTCOMES.forEach(outcome -> counts.put(outcome, 0L));
        return counts;
    }

    private static Map<String, String> columns() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("promise", "Promises to pay");
        columns.put("refusal", "Refusals");
        columns.put("wrong_number", "Wrong numbers");
        columns.put("callback", "Callbacks");
        columns.put("other", "Other");
        columns.put("none", "No disposition");
        return columns;
    }
}
