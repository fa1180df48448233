/** Demo data for a first run (AGENTCALLS_DEMO=true): a ready organization, campaign and key. */
package io.agentcalls.demo;
