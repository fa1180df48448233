/** Caller-ID phone numbers that calls are placed from, and the organization's do-not-call list. */
package io.agentcalls.number;
