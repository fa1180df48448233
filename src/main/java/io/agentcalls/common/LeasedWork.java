package io.agentcalls.common;

/**
 * One kind of work a node holds under a heartbeat lease (initiations it dispatches, webhook deliveries
 * it attempts, due calls it retries, runner cancels it sends). Each owner keeps its leases in its own
 * table as a holder (the {@link NodeIdentity}) and an expiry; {@link LeaseHeartbeat} renews them all on
 * one beat and {@link LeaseHandBack} hands them all back when the node stops, so every kind of work
 * follows the living the same way and no module writes a heartbeat of its own.
 */
public interface LeasedWork {

    /** What the work is, for log lines: {@code "webhook deliveries"}. */
    String work();

    /**
     * Extends every lease {@code holder} holds to now + {@code lease} (a PostgreSQL interval), in one
     * statement; a lease that ran out and was not taken over yet is still the holder's to renew.
     *
     * @return how many leases were renewed
     */
    int renew(String holder, String lease);

    /**
     * Gives up every lease {@code holder} holds, due to any node at once (a stopping node).
     *
     * @return how many leases were handed back
     */
    int handBack(String holder);
}
