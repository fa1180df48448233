/** Organizations, their API keys, and the lookup of an API key to the calling organization. */
package io.agentcalls.organization;
