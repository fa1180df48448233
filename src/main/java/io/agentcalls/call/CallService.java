package io.agentcalls.call;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Call records and their status changes; other features change calls only through here. */
@Service
public class CallService {

    private final CallRepository calls;

    CallService(CallRepository calls) {
        this.calls = calls;
    }

    /** A call the runner refused, with the runner's reason. */
    public record FailedCall(String callId, String reason) {}

    /**
     * Records what the runner answered for dispatched calls: accepted ones become {@code initiated},
     * refused ones {@code failed_to_initiate} with their reason. Only calls still {@code queued}
     * change, so a late or repeated answer never moves a call backwards.
     *
     * @return how many calls changed to initiated and to failed_to_initiate
     */
    @Transactional
    public DispatchOutcome recordDispatchOutcome(
            String organizationId, List<String> accepted, List<FailedCall> failed) {
        int initiated = accepted.isEmpty() ? 0 : calls.markInitiated(organizationId, accepted);
        int failedCount = failed.isEmpty() ? 0 : calls.markFailedToInitiate(organizationId, failed);
        return new DispatchOutcome(initiated, failedCount);
    }

    public record DispatchOutcome(int initiated, int failedToInitiate) {}
}
