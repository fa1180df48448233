/**
 * The console's settings screen: users, API keys (a new key shown once), campaigns' calling window,
 * caps and retries, and the agents, disposition sets and caller numbers the organization has.
 */
package io.agentcalls.console.settings;
