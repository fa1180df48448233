/** Disposition sets: the codes that classify a call's outcome (promise to pay, refused, call back…). */
package io.agentcalls.disposition;
