package io.agentcalls.console;

import io.agentcalls.campaign.Campaign;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Whether a campaign's calling window is open at a moment, in the campaign's zone: what the monitor
 * shows beside its figures. The dialing safeguards decide for themselves; this only reports.
 */
record CallingHours(boolean open, String localTime, String window, String zone) {

    static CallingHours of(Campaign campaign, ZonedDateTime now) {
        String zone = campaign.timezone();
        LocalTime local;
        try {
            local = now.withZoneSameInstant(ZoneId.of(zone)).toLocalTime();
        } catch (DateTimeException e) {
            return new CallingHours(false, "", window(campaign), zone);
        }
        int minute = local.getHour() * 60 + local.getMinute();
        int start = minutes(campaign.callingWindow().start());
        int end = minutes(campaign.callingWindow().end());
        // a window that ends before it starts runs over midnight
        boolean open = start <= end ? minute >= start && minute < end : minute >= start || minute < end;
        return new CallingHours(
                open, String.format("%02d:%02d", local.getHour(), local.getMinute()), window(campaign), zone);
    }

    private static String window(Campaign campaign) {
        return campaign.callingWindow().start() + "–" + campaign.callingWindow().end();
    }

    /** {@code HH:mm} (or {@code 24:00}) as minutes since midnight. */
    static int minutes(String time) {
        String[] parts = time.split(":");
        return Integer.parseInt(parts[0]) * 60 + Integer.parseInt(parts[1]);
    }
}
