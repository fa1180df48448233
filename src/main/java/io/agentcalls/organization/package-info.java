/** Organizations, their API keys, and bearer authentication that resolves the caller's organization. */
package io.agentcalls.organization;
