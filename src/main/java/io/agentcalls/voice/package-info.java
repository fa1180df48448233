/**
 * Voice-AI providers (Vapi, Retell, the simulator) behind one small interface, and each
 * organization's voice connections to them: credentials, limits, the provider's webhooks turned into
 * our call events.
 */
package io.agentcalls.voice;
