/**
 * The console's settings screen: users, API keys (a new key shown once), campaigns' calling window,
 * caps and retries, and the agents, disposition sets, caller numbers and voice connections the organization has.
 */
package io.agentcalls.console.settings;
