/**
 * Secrets at rest (stored secrets encrypted with AES-GCM under the service's key, and the key's
 * rotation) and the start-up refusal of guessable configured secrets.
 */
package io.agentcalls.secrets;
