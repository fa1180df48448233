/**
 * The operations console: the people of an organization and their sign-in, and the server-rendered
 * pages (Thymeleaf, htmx, Server-Sent Events) that show and drive campaigns through the other
 * features' services.
 */
package io.agentcalls.console;
