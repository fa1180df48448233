package io.agentcalls.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentcalls.support.ApiTest;
import io.agentcalls.support.CallingSetup;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The campaign tallies kept by the calls' triggers (V160) against a recount of the calls themselves,
 * through every kind of change a call goes through (inserted one at a time and in bulk, its status,
 * answer, disposition and promised amount changing, deleted), with folds of every size in between,
 * and under concurrent writers and folders. The recount is the statement campaign stats and the
 * outcomes screen ran before the tallies.
 */
class CallTalliesTest extends ApiTest {

    private static final String[] PAYMENT = {"pending", "bounced", "partial", null};
    private static final String[] LANGUAGE = {"hindi", "english", null};
    private static final String[] ZONES = {"Asia/Kolkata", "America/New_York", null};
    private static final String[] CODES = {null, "PTP", "RTP", "CALLBACK", "WRONG_NUMBER", "UNLISTED"};
    private static final LocalDate FIRST = LocalDate.of(2000, 1, 1);
    private static final LocalDate LAST = LocalDate.of(2100, 1, 1);

    private static final String RECOUNT_GROUPS = """
            SELECT status || '/' || coalesce(disposition_code, '') AS key,
                   count(*) || '/' || count(in_progress_at) || '/'
                       || coalesce(CAST(sum(try_numeric(disposition_data ->> 'ptp_amount')) AS text), '-') AS value
            FROM calls WHERE organization_id = :org AND campaign_id = :campaign
            GROUP BY status, coalesce(disposition_code, '')
            """;
    private static final String RECOUNT_SEGMENTS = """
            SELECT coalesce(k.customer_payment_status, 'unset') || '/' || coalesce(k.customer_language, 'unset') || '/' ||
                   CASE WHEN k.disposition_code IS NULL THEN 'none'
                        WHEN d.category = 'positive' THEN 'promise'
                        WHEN d.category = 'callback' THEN 'callback'
                        WHEN upper(k.disposition_code) IN ('WRONG_NUMBER', 'WN') THEN 'wrong_number'
                        WHEN d.category = 'negative' THEN 'refusal'
                        ELSE 'other' END AS key,
                   count(*) || '/' || coalesce(CAST(sum(try_numeric(k.disposition_data ->> 'ptp_amount')) AS text), '-')
                       AS value
            FROM calls k
            LEFT JOIN disposition_codes d ON d.organization_id = k.organization_id
                AND d.disposition_set_id = k.disposition_set_id AND d.code = k.disposition_code
            WHERE k.organization_id = :org AND k.campaign_id = :campaign AND k.ended_at IS NOT NULL
              AND k.status IN ('completed', 'no_answer', 'busy', 'voicemail', 'failed')
            GROUP BY 1
            """;
    private static final String RECOUNT_HOURS = """
            SELECT CAST(extract(hour FROM coalesce(initiated_at, ended_at) AT TIME ZONE coalesce(campaign_timezone, 'UTC'))
                        AS integer) AS key,
                   count(*) || '/' || count(*) FILTER (WHERE status = 'completed' OR in_progress_at IS NOT NULL) AS value
            FROM calls
            WHERE organization_id = :org AND campaign_id = :campaign AND ended_at IS NOT NULL
              AND status IN ('completed', 'no_answer', 'busy', 'voicemail', 'failed')
            GROUP BY 1
            """;

    @Autowired
    private CallTallyRepository tallies;

    @Autowired
    private CallTallyCompactor compactor;

    @Autowired
    private CallOutcomes outcomes;

    @Autowired
    private TransactionTemplate transactions;

    private CallFixtures fixtures;

    @org.junit.jupiter.api.BeforeEach
    void fixtures() {
        fixtures = new CallFixtures(jdbc);
    }

    @Test
    void talliesEqualARecountThroughEveryKindOfChangeAndEveryFold() {
        Campaign c = campaign();
        Random random = new Random(20261204);
        List<String> calls = new ArrayList<>();
        for (int step = 0; step < 600; step++) {
            switch (random.nextInt(10)) {
                case 0, 1 -> calls.add(endedCall(c, random));
                case 2 -> calls.addAll(bulkInsert(c, 1 + random.nextInt(30)));
                case 3, 4 -> {
                    if (!calls.isEmpty()) {
                        changeStatus(calls.get(random.nextInt(calls.size())), random);
                    }
                }
                case 5 -> {
                    if (!calls.isEmpty()) {
                        changeDisposition(calls.get(random.nextInt(calls.size())), random);
                    }
                }
                case 6 -> {
                    if (!calls.isEmpty()) {
                        String call = calls.get(random.nextInt(calls.size()));
                        assertThat(deltasWrittenBy(c, () -> touchUncountedColumns(call)))
                                .as("a lease or transcript update is not a change of any figure")
                                .isZero();
                    }
                }
                case 7 -> {
                    if (calls.size() > 5) {
                        List<String> gone = new ArrayList<>();
                        for (int i = 0; i < 1 + random.nextInt(4); i++) {
                            gone.add(calls.remove(random.nextInt(calls.size())));
                        }
                        jdbc.sql("DELETE FROM calls WHERE organization_id = :org AND id IN (:ids)")
                                .param("org", c.org)
                                .param("ids", gone)
                                .update();
                    }
                }
                case 8 -> {
                    if (!calls.isEmpty()) {
                        // not what the service does once a call is queued, but every column must count exactly
                        jdbc.sql("""
                                        UPDATE calls SET customer_payment_status = :p, campaign_timezone = :zone
                                        WHERE id = :id
                                        """)
                                .param("p", PAYMENT[random.nextInt(PAYMENT.length)])
                                .param("zone", ZONES[random.nextInt(ZONES.length)])
                                .param("id", calls.get(random.nextInt(calls.size())))
                                .update();
                    }
                }
                default -> {
                    int batch = 1 + random.nextInt(20);
                    transactions.execute(tx -> tallies.tryFoldLock() ? tallies.fold(batch) : 0);
                }
            }
            if (step % 50 == 49) {
                assertEqualsRecount(c);
            }
        }
        assertEqualsRecount(c);
        compactor.foldAll();
        assertThat(deltas(c)).as("everything folded").isZero();
        assertEqualsRecount(c);
        assertThat(recount(c, RECOUNT_GROUPS)).as("the test changed many calls").hasSizeGreaterThan(15);
    }

    /**
     * An update that changes no counted column writes no delta (the trigger returns after comparing
     * the two images), so each counted column, changed alone, must be one the comparison sees.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "status = 'no_answer'",
                "initiated_at = initiated_at - interval '2 days 3 hours'",
                "ended_at = NULL",
                "in_progress_at = CASE WHEN in_progress_at IS NULL THEN now() END",
                "disposition_code = 'RTP'",
                "disposition_data = '{\"ptp_amount\":\"12.50\"}'",
                "disposition_set_id = :otherSet",
                "customer_payment_status = 'partial'",
                "customer_language = 'english'",
                "campaign_timezone = 'America/New_York'"
            })
    void anyCountedColumnChangedAloneMovesTheFigures(String change) {
        Campaign c = campaign();
        String otherSet = fixtures.dispositionSet(c.org);
        String call = fixtures.call(c.org, c.id, c.set, "completed", c.customers.get(0), null, null);
        jdbc.sql("""
                        UPDATE calls SET initiated_at = now() - interval '1 hour', ended_at = now(),
                                         in_progress_at = now() - interval '50 minutes', disposition_code = 'PTP',
                                         disposition_data = '{"ptp_amount":"900"}', customer_payment_status = 'pending',
                                         customer_language = 'hindi', campaign_timezone = 'Asia/Kolkata'
                        WHERE id = :id
                        """).param("id", call).update();

        long written = deltasWrittenBy(
                c,
                () -> jdbc.sql("UPDATE calls SET " + change + " WHERE id = :id")
                        .params(Map.of("id", call, "otherSet", otherSet))
                        .update());

        assertThat(written).as("a delta for: %s", change).isPositive();
        assertEqualsRecount(c);
    }

    @Test
    void anOutcomeCountsWhereAndWhenTheCallWasMadeWhateverChangesAfterIt() {
        CallingSetup setup = CallingSetup.create(this);
        String org = CallFixtures.organizationOf(setup.key);
        setup.upsert(List.of(CallingSetup.customer("LN-OUT-1", "pending", "hindi")));
        assertThat(setup.initiate().status()).isEqualTo(200);
        String call = jdbc.sql("SELECT id FROM calls WHERE campaign_id = :campaign")
                .param("campaign", setup.campaignId)
                .query(String.class)
                .single();
        // placed 03:45 UTC: 09:15 in the campaign's zone (Asia/Kolkata), on 10 March there
        jdbc.sql("""
                        UPDATE calls SET status = 'in_progress', initiated_at = '2026-03-10T03:45:00Z',
                                         in_progress_at = '2026-03-10T03:46:00Z'
                        WHERE id = :id
                        """).param("id", call).update();
        jdbc.sql("UPDATE calls SET status = 'completed', ended_at = '2026-03-10T03:50:00Z' WHERE id = :id")
                .param("id", call)
                .update();
        // the customer pays, the campaign moves to another zone, then the call's analysis arrives
        jdbc.sql("UPDATE customers SET payment_status = 'paid', language = 'english' WHERE campaign_id = :campaign")
                .param("campaign", setup.campaignId)
                .update();
        jdbc.sql("UPDATE campaigns SET timezone = 'America/New_York' WHERE id = :id")
                .param("id", setup.campaignId)
                .update();
        jdbc.sql("""
                        UPDATE calls SET disposition_code = 'PTP', disposition_data = '{"ptp_amount":"1500.50"}'
                        WHERE id = :id
                        """).param("id", call).update();

        LocalDate tenth = LocalDate.of(2026, 3, 10);
        OutcomeReport report = outcomes.outcomes(org, setup.campaignId, tenth, tenth);
        assertThat(report.rows())
                .containsExactly(new OutcomeReport.Row("pending", "hindi", "promise", 1, new BigDecimal("1500.50")));
        assertThat(report.hours()).containsExactly(new OutcomeReport.Hour(9, 1, 1));
        assertThat(report.ended()).isEqualTo(1);
        assertThat(report.contacted()).isEqualTo(1);
        OutcomeReport dayBefore = outcomes.outcomes(org, setup.campaignId, tenth.minusDays(1), tenth.minusDays(1));
        assertThat(dayBefore.rows()).isEmpty();
        assertThat(dayBefore.ended()).isZero();

        compactor.foldAll();
        assertThat(outcomes.outcomes(org, setup.campaignId, tenth, tenth))
                .as("the same after the fold")
                .isEqualTo(report);
    }

    @Test
    void aCallWithoutAKnownZoneCountsOnUtcsClock() {
        CallingSetup setup = CallingSetup.create(this);
        String org = CallFixtures.organizationOf(setup.key);
        // a zone PostgreSQL's time zone data lacks is queued as none (QueuedCallInsert joins
        // known_time_zones); the fixture writes none either
        String call = fixtures.call(org, setup.campaignId, setup.dispositionId, "in_progress", "LN-Z-1", null, null);
        jdbc.sql("""
                        UPDATE calls SET status = 'completed', initiated_at = '2026-03-10T03:45:00Z',
                                         ended_at = '2026-03-10T03:50:00Z'
                        WHERE id = :id
                        """).param("id", call).update();
        LocalDate tenth = LocalDate.of(2026, 3, 10);
        assertThat(outcomes.outcomes(org, setup.campaignId, tenth, tenth).hours())
                .containsExactly(new OutcomeReport.Hour(3, 1, 1));
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM known_time_zones WHERE name IN ('Asia/Kolkata', 'UTC', 'Mars/Olympus_Mons')")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void aRolledBackChangeLeavesTheFiguresAsTheyWere() {
        Campaign c = campaign();
        String call = fixtures.call(c.org, c.id, c.set, "in_progress", c.customers.get(2), null, null);
        Map<String, String> before = figures(c);
        try {
            transactions.executeWithoutResult(tx -> {
                jdbc.sql("UPDATE calls SET status = 'completed', ended_at = now() WHERE id = :id")
                        .param("id", call)
                        .update();
                throw new IllegalStateException("rolled back");
            });
        } catch (IllegalStateException expected) {
            // the change is undone, and with it its deltas
        }
        assertThat(figures(c)).isEqualTo(before);
        assertEqualsRecount(c);
    }

    @Test
    void concurrentWritersAndFoldersCountEveryChangeOnce() throws Exception {
        Campaign c = campaign();
        List<String> calls = bulkInsert(c, 200);
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                List<String> own = calls.subList(w * 50, (w + 1) * 50);
                Random random = new Random(w);
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 150; i++) {
                        String call = own.get(random.nextInt(own.size()));
                        transactions.executeWithoutResult(tx -> {
                            changeStatus(call, random);
                            changeDisposition(call, random);
                        });
                    }
                }));
            }
            List<Future<?>> folders = new ArrayList<>();
            for (int f = 0; f < 2; f++) {
                folders.add(pool.submit(() -> {
                    while (writing.get()) {
                        transactions.execute(tx -> tallies.tryFoldLock() ? tallies.fold(7) : 0);
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(120, TimeUnit.SECONDS);
            }
            writing.set(false);
            for (Future<?> folder : folders) {
                folder.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEqualsRecount(c);
        compactor.foldAll();
        assertThat(deltas(c)).isZero();
        assertEqualsRecount(c);
    }

    private record Campaign(String org, String id, String set, List<String> customers) {}

    private Campaign campaign() {
        String org = fixtures.organization();
        String campaign = fixtures.campaign(org);
        String set = fixtures.dispositionSet(org);
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String id = "LN-" + i;
            fixtures.customer(org, campaign, id, PAYMENT[i % PAYMENT.length], null);
            jdbc.sql("UPDATE customers SET language = :l WHERE organization_id = :org AND id = :id")
                    .param("l", LANGUAGE[i % LANGUAGE.length])
                    .param("org", org)
                    .param("id", id)
                    .update();
            customers.add(id);
        }
        return new Campaign(org, campaign, set, customers);
    }

    /** An ended call of one of the campaign's customers, placed at some hour of the last days. */
    private String endedCall(Campaign c, Random random) {
        String status = List.of("completed", "no_answer", "busy", "voicemail", "failed", "expired", "cancelled")
                .get(random.nextInt(7));
        String call = fixtures.call(
                c.org, c.id, c.set, status, c.customers.get(random.nextInt(c.customers.size())), null, null);
        jdbc.sql("""
                        UPDATE calls SET initiated_at = now() - make_interval(mins => :minutes),
                                         in_progress_at = CASE WHEN :answered THEN now() END,
                                         customer_payment_status = :payment, customer_language = :language,
                                         campaign_timezone = :zone
                        WHERE id = :id
                        """)
                .param("minutes", random.nextInt(5000))
                .param("answered", random.nextBoolean())
                .param("payment", PAYMENT[random.nextInt(PAYMENT.length)])
                .param("language", LANGUAGE[random.nextInt(LANGUAGE.length)])
                .param("zone", ZONES[random.nextInt(ZONES.length)])
                .param("id", call)
                .update();
        return call;
    }

    /** Calls inserted by one statement, as an initiation writes them: queued, customers of no table. */
    private List<String> bulkInsert(Campaign c, int count) {
        return jdbc.sql("""
                        INSERT INTO calls (organization_id, id, campaign_id, customer_id, agent_id, disposition_set_id,
                                           to_phone, status, ended_at, disposition_code)
                        SELECT :org, new_id('call'), :campaign, 'BULK-' || new_id('x'), 'agt_test', :set,
                               '+9170' || lpad(CAST(floor(random() * 1e8) AS text), 8, '0') || i,
                               CASE WHEN i % 3 = 0 THEN 'queued' ELSE 'completed' END,
                               CASE WHEN i % 3 = 0 THEN NULL ELSE now() END,
                               CASE WHEN i % 3 = 1 THEN 'PTP' END
                        FROM generate_series(1, :count) AS i
                        RETURNING id
                        """)
                .param("org", c.org)
                .param("campaign", c.id)
                .param("set", c.set)
                .param("count", count)
                .query(String.class)
                .list();
    }

    private void changeStatus(String call, Random random) {
        String status = List.of(
                        "initiated", "ringing", "in_progress", "completed", "no_answer", "busy", "failed", "cancelled")
                .get(random.nextInt(8));
        boolean ends = !List.of("initiated", "ringing", "in_progress").contains(status);
        // an active call's customer and phone must stay unique among active calls: active ones move to
        // a fresh customer and phone of their own
        jdbc.sql("""
                        UPDATE calls SET status = :status,
                                         ended_at = CASE WHEN :ends THEN coalesce(ended_at, now()) END,
                                         initiated_at = coalesce(initiated_at, now() - interval '3 minutes'),
                                         in_progress_at = CASE WHEN :answered THEN coalesce(in_progress_at, now()) END,
                                         customer_id = CASE WHEN :ends THEN customer_id ELSE 'ACTIVE-' || new_id('x') END,
                                         to_phone = CASE WHEN :ends THEN to_phone ELSE '+9171' || floor(random() * 1e9) END
                        WHERE id = :id
                        """)
                .param("status", status)
                .param("ends", ends)
                .param("answered", status.equals("in_progress") || status.equals("completed") || random.nextBoolean())
                .param("id", call)
                .update();
    }

    private void changeDisposition(String call, Random random) {
        String code = CODES[random.nextInt(CODES.length)];
        String data = random.nextBoolean()
                ? null
                : "{\"ptp_amount\":\"" + BigDecimal.valueOf(random.nextInt(1_000_000), 2) + "\"}";
        jdbc.sql("UPDATE calls SET disposition_code = :code, disposition_data = CAST(:data AS jsonb) WHERE id = :id")
                .param("code", code)
                .param("data", data)
                .param("id", call)
                .update();
    }

    private void touchUncountedColumns(String call) {
        jdbc.sql("""
                        UPDATE calls SET transcript = coalesce(transcript, '') || 'Agent: hello. ', updated_at = now(),
                                         recording_url = 'https://recordings.example/' || id, attempt = attempt + 1
                        WHERE id = :id
                        """).param("id", call).update();
    }

    /**
     * The deltas a change writes, counted with the folds held off: the compactor runs every second
     * beside the test and would otherwise fold them away between the two counts.
     */
    private long deltasWrittenBy(Campaign c, Runnable change) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> transactions.execute(tx -> {
                            if (!tallies.tryFoldLock()) {
                                return -1L; // a fold is running: try again when it has committed
                            }
                            long before = deltas(c);
                            change.run();
                            return deltas(c) - before;
                        }),
                        written -> written >= 0);
    }

    private long deltas(Campaign c) {
        return jdbc.sql(
                        "SELECT count(*) FROM call_tally_deltas WHERE organization_id = :org AND campaign_id = :campaign")
                .param("org", c.org)
                .param("campaign", c.id)
                .query(Long.class)
                .single();
    }

    private void assertEqualsRecount(Campaign c) {
        Map<String, String> groups = new TreeMap<>();
        for (CampaignStatsRepository.CallGroup g : tallies.statusGroups(c.org, c.id)) {
            groups.put(
                    g.status().value() + "/" + (g.code() == null ? "" : g.code()),
                    g.calls() + "/" + g.answered() + "/"
                            + (g.ptpAmount() == null ? "-" : g.ptpAmount().toPlainString()));
        }
        assertThat(groups).as("calls by status and disposition").isEqualTo(recount(c, RECOUNT_GROUPS));

        OutcomeReport report = outcomes.outcomes(c.org, c.id, FIRST, LAST);
        Map<String, String> segments = new TreeMap<>();
        for (OutcomeReport.Row row : report.rows()) {
            segments.put(
                    row.paymentStatus() + "/" + row.language() + "/" + row.outcome(),
                    row.calls() + "/"
                            + (row.amount() == null ? "-" : row.amount().toPlainString()));
        }
        assertThat(segments).as("outcomes by segment").isEqualTo(recount(c, RECOUNT_SEGMENTS));
        Map<String, String> hours = new TreeMap<>();
        for (OutcomeReport.Hour hour : report.hours()) {
            hours.put(String.valueOf(hour.hour()), hour.placed() + "/" + hour.answered());
        }
        Map<String, String> recountedHours = new TreeMap<>();
        recount(c, RECOUNT_HOURS).forEach((k, v) -> recountedHours.put(String.valueOf(k), v));
        assertThat(hours).as("answers by hour").isEqualTo(recountedHours);
    }

    private Map<String, String> figures(Campaign c) {
        Map<String, String> figures = new TreeMap<>();
        tallies.statusGroups(c.org, c.id)
                .forEach(g -> figures.put(g.status().value() + "/" + g.code(), g.calls() + "/" + g.answered()));
        return figures;
    }

    private Map<String, String> recount(Campaign c, String statement) {
        Map<String, String> counted = new TreeMap<>();
        jdbc.sql(statement)
                .param("org", c.org)
                .param("campaign", c.id)
                .query((rs, n) -> counted.put(rs.getString("key"), rs.getString("value")))
                .list();
        return counted;
    }
}
