package io.agentcalls.initiation;

import io.agentcalls.initiation.record.InitiationRecords;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/** What the organization's initiations came to over time, for the console's compliance screen. */
@Service
public class InitiationHistory {

    private final InitiationRecords records;

    InitiationHistory(InitiationRecords records) {
        this.records = records;
    }

    /** Customers the safeguards held back per day (UTC) by reason; {@code until} is exclusive. */
    public List<SkipsOnDay> skipsByDay(String organizationId, Instant from, Instant until) {
        return records.skipsByDay(organizationId, from, until).stream()
                .map(d -> new SkipsOnDay(
                        d.day(), d.activeCall(), d.doNotCall(), d.attemptLimit(), d.outsideCallingWindow()))
                .toList();
    }
}
