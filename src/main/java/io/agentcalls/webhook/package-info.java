/** Outbound webhooks: subscriptions, signed deliveries written with the call change, retries. */
package io.agentcalls.webhook;
