/**
 * The front door: one Spring Security filter chain per kind of caller, matched on the path Spring
 * routes, deny by default, the strict firewall, and every refusal in the response envelope.
 */
package io.agentcalls.security;
