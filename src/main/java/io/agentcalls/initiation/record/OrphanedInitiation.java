package io.agentcalls.initiation.record;

import java.time.OffsetDateTime;

/**
 * A running initiation whose answering node stopped renewing its lease (it died), now held by this
 * node to complete it.
 *
 * @param previousHolder the node that died; null when it handed the initiation back as it stopped
 * @param expiredAt when its lease ran out
 */
public record OrphanedInitiation(
        String organizationId,
        String initiationId,
        String campaignId,
        String previousHolder,
        OffsetDateTime expiredAt) {}
