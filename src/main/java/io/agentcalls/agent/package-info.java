/** AI agents: what they say (a prompt with {{variables}}), in which language and voice. */
package io.agentcalls.agent;
