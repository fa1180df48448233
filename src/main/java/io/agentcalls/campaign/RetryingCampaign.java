package io.agentcalls.campaign;

/** An active campaign with retries on, for the background job that creates them. */
public record RetryingCampaign(String organizationId, String campaignId, RetryPolicy retry) {}
