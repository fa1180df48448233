/** Campaigns and their calling settings: timezone, calling window and attempt caps. */
package io.agentcalls.campaign;
