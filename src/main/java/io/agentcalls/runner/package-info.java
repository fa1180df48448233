/** The workflow runner port that places calls: the simulated runner (default) and the HTTP runner. */
package io.agentcalls.runner;
