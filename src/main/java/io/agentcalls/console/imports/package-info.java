/** The console's import screen: a CSV upload into a campaign, its progress and its rejected rows. */
package io.agentcalls.console.imports;
