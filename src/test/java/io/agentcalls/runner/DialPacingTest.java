package io.agentcalls.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.call.CallFixtures;
import io.agentcalls.call.CallService;
import io.agentcalls.call.CallStatus;
import io.agentcalls.call.DialClaim;
import io.agentcalls.call.DialLimits;
import io.agentcalls.call.DialQueue;
import io.agentcalls.call.RunnerEvent;
import io.agentcalls.support.ApiTest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Pacing in the claim: a stub provider that records every call in progress never sees more than the
 * caller number's, the campaign's or the connection's limit, over thousands of calls of several
 * campaigns and organizations; and the claim shares its room fairly between campaigns and
 * organizations.
 */
class DialPacingTest extends ApiTest {

    private static final int CONNECTION_LIMIT = 12;

    @Autowired
    CallService calls;

    @Autowired
    DialQueue dialQueue;

    @Test
    void aStubProviderNeverSeesMoreCallsInProgressThanTheCaps() {
        CallFixtures fixtures = new CallFixtures(jdbc);
        DialQueueFixtures queue = new DialQueueFixtures(jdbc);
        Map<String, String> campaignOf = new HashMap<>();
        Map<String, String> numberOf = new HashMap<>();
        Map<String, String> orgOf = new HashMap<>();
        Map<String, Integer> numberCap = new HashMap<>();
        Map<String, Integer> campaignCap = new HashMap<>();
        for (int o = 0; o < 2; o++) {
            String org = fixtures.organization();
            String set = fixtures.dispositionSet(org);
            for (int c = 0; c < 3; c++) {
                String campaign = fixtures.campaign(org);
                String number = "+9180455" + (50000 + o * 10 + c);
                // 4, 6 and 8 lines: with the campaign cap of 3 and the connection cap of 12, each binds
                int lines = 4 + 2 * c;
                fixtures.phoneNumber(org, number, lines);
                numberCap.put(org + number, lines);
                if (c == 2) {
                    queue.campaignLimit(org, campaign, 3);
                    campaignCap.put(campaign, 3);
                }
                for (String id : queue.waiting(org, campaign, set, number, 400)) {
                    campaignOf.put(id, campaign);
                    numberOf.put(id, org + number);
                    orgOf.put(id, org);
                }
            }
        }

        Set<String> inProgress = new HashSet<>();
        Set<String> placed = new HashSet<>();
        Random random = new Random(13);
        Instant now = DialQueueFixtures.T0;
        int passes = 0;
        while (placed.size() < campaignOf.size() && passes++ < 5_000) {
            for (DialClaim claim : dialQueue
                    .sweepAndClaim(now, limits(), "pacing-test", passes)
                    .claimed()) {
                if (!campaignOf.containsKey(claim.callId())) {
                    continue;
                }
                assertThat(placed.add(claim.callId())).as("placed once").isTrue();
                inProgress.add(claim.callId());
                dialQueue.recordPlaced(claim.organizationId(), claim.callId(), "stub-" + claim.callId());
            }
            assertWithin(count(inProgress, numberOf), numberCap, "caller number");
            assertWithin(count(inProgress, campaignOf), campaignCap, "campaign");
            count(inProgress, orgOf)
                    .values()
                    .forEach(n -> assertThat(n).as("connection").isLessThanOrEqualTo(CONNECTION_LIMIT));
            // the provider ends some calls before the next pass
            List<RunnerEvent> ended = new ArrayList<>();
            for (String id : List.copyOf(inProgress)) {
                if (random.nextInt(2) == 0) {
                    inProgress.remove(id);
                    ended.add(RunnerEvent.status(id, CallStatus.COMPLETED, now.atOffset(ZoneOffset.UTC)));
                }
            }
            if (!ended.isEmpty()) {
                calls.applyRunnerEvents(ended);
            }
            now = now.plus(Duration.ofSeconds(1));
        }
        assertThat(placed).as("every call is placed in the end").hasSize(campaignOf.size());
    }

    @Test
    void campaignsAndOrganizationsShareTheRoomFairly() {
        CallFixtures fixtures = new CallFixtures(jdbc);
        DialQueueFixtures queue = new DialQueueFixtures(jdbc);
        String big = fixtures.organization();
        String small = fixtures.organization();
        Map<String, String> campaignOf = new HashMap<>();
        Map<String, String> orgOf = new HashMap<>();
        for (String org : List.of(big, small)) {
            String set = fixtures.dispositionSet(org);
            int campaigns = org.equals(big) ? 4 : 1;
            for (int c = 0; c < campaigns; c++) {
                String campaign = fixtures.campaign(org);
                String number = "+9180466" + (60000 + c + (org.equals(big) ? 0 : 50));
                fixtures.phoneNumber(org, number, 1000);
                for (String id : queue.waiting(org, campaign, set, number, 100)) {
                    campaignOf.put(id, campaign);
                    orgOf.put(id, org);
                }
            }
        }
        DialLimits twenty = new DialLimits("simulator", 1000, 10, 200, 20, Duration.ofSeconds(30), 3, 7);

        List<DialClaim> claimed =
                dialQueue.sweepAndClaim(DialQueueFixtures.T0, twenty, "fair-test", 1).claimed().stream()
                        .filter(c -> campaignOf.containsKey(c.callId()))
                        .toList();

        Map<String, Long> byOrg =
                claimed.stream().collect(Collectors.groupingBy(c -> orgOf.get(c.callId()), Collectors.counting()));
        assertThat(byOrg.get(small))
                .as("the organization with one campaign gets half the pass")
                .isEqualTo(10);
        assertThat(byOrg.get(big)).isEqualTo(10);
        Map<String, Long> bigCampaigns = claimed.stream()
                .filter(c -> orgOf.get(c.callId()).equals(big))
                .collect(Collectors.groupingBy(c -> campaignOf.get(c.callId()), Collectors.counting()));
        assertThat(bigCampaigns).as("its campaigns take turns").hasSize(4);
        assertThat(bigCampaigns.values()).allSatisfy(n -> assertThat(n).isBetween(2L, 3L));
    }

    private static DialLimits limits() {
        return new DialLimits("simulator", CONNECTION_LIMIT, 10, 200, 200, Duration.ofSeconds(30), 3, 7);
    }

    private static Map<String, Integer> count(Set<String> ids, Map<String, String> keyOf) {
        return ids.stream().collect(Collectors.toMap(keyOf::get, id -> 1, Integer::sum));
    }

    private static void assertWithin(Map<String, Integer> counts, Map<String, Integer> caps, String what) {
        counts.forEach((key, n) -> {
            Integer cap = caps.get(key);
            if (cap != null) {
                assertThat(n).as(what + " " + key).isLessThanOrEqualTo(cap);
            }
        });
    }
}
