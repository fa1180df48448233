package io.agentcalls.console.compliance;

import io.agentcalls.initiation.SkipsOnDay;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Skips over time drawn on the server as stacked SVG bars, one a day (days without an initiation
 * are zero), beside the same figures as a table: a chart never stands without its numbers.
 */
record SkipChart(List<SkipsOnDay> days, List<Bar> bars, long max, int width, int height) {

    static final int BAR = 14;
    static final int GAP = 4;
    static final int HEIGHT = 120;

    /** One reason's part of one day's bar, in SVG coordinates. */
    record Bar(int x, int y, int width, int height, String color, String title) {}

    static final String[] REASONS = {"active call", "do-not-call", "attempt limit", "outside the window"};
    /** The palette of the console's stylesheet: accent, bad, warn, muted. */
    static final String[] COLORS = {"#1f5fbf", "#b3261e", "#a35a00", "#5b6575"};

    static SkipChart of(List<SkipsOnDay> recorded, LocalDate first, int dayCount) {
        Map<LocalDate, SkipsOnDay> byDay = new HashMap<>();
        recorded.forEach(d -> byDay.put(d.day(), d));
        List<SkipsOnDay> days = new ArrayList<>(dayCount);
        for (int i = 0; i < dayCount; i++) {
            LocalDate day = first.plusDays(i);
            days.add(byDay.getOrDefault(day, new SkipsOnDay(day, 0, 0, 0, 0)));
        }
        long max = Math.max(1, days.stream().mapToLong(SkipsOnDay::total).max().orElse(0));
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            SkipsOnDay d = days.get(i);
            long[] counts = {d.activeCall(), d.doNotCall(), d.attemptLimit(), d.outsideCallingWindow()};
            int top = HEIGHT;
            for (int r = 0; r < counts.length; r++) {
                if (counts[r] == 0) {
                    continue;
                }
                int h = (int) Math.max(1, Math.round((double) counts[r] * HEIGHT / max));
                top -= h;
                bars.add(new Bar(
                        i * (BAR + GAP), top, BAR, h, COLORS[r], d.day() + ": " + counts[r] + " " + REASONS[r]));
            }
        }
        return new SkipChart(days, bars, max, Math.max(1, days.size() * (BAR + GAP)), HEIGHT);
    }

    public long total() {
        return days.stream().mapToLong(SkipsOnDay::total).sum();
    }
}
