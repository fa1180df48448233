/** Secrets at rest: stored secrets encrypted with AES-GCM under the service's key, and the key's rotation. */
package io.agentcalls.secrets;
