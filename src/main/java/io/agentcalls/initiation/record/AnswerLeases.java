package io.agentcalls.initiation.record;

import io.agentcalls.common.LeasedWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The heartbeat leases of the initiations a node is answering ({@code initiations.answer_by},
 * {@code answer_until}): renewed while the request runs however long it takes, handed back when the
 * node stops (after the web server's graceful shutdown let requests finish), so recovery completes
 * what a dead or stopped node left unanswered.
 */
@Repository
class AnswerLeases implements LeasedWork {

    private static final String RENEW = """
            UPDATE initiations SET answer_until = clock_timestamp() + CAST(:lease AS interval)
            WHERE answer_until IS NOT NULL AND answer_by = :holder
            """;
    private static final String HAND_BACK = """
            UPDATE initiations SET answer_until = now(), answer_by = NULL
            WHERE answer_until IS NOT NULL AND answer_by = :holder
            """;

    private final JdbcClient jdbc;

    AnswerLeases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String work() {
        return "initiations being answered";
    }

    @Override
    public int renew(String holder, String lease) {
        return jdbc.sql(RENEW).param("holder", holder).param("lease", lease).update();
    }

    @Override
    public int handBack(String holder) {
        return jdbc.sql(HAND_BACK).param("holder", holder).update();
    }
}
