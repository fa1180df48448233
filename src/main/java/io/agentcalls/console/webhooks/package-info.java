/** The console's webhooks screen: endpoints, each one's delivery log with its attempts, and redelivery. */
package io.agentcalls.console.webhooks;
