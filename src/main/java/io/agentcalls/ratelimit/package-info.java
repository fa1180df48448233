/** Per-organization rate limits: token buckets for initiations, dry runs and the rest of the API. */
package io.agentcalls.ratelimit;
