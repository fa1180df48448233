/** Dispositions and their groups (disposition sets): what classifies a call's outcome (promise to pay, refused, call back…). */
package io.agentcalls.disposition;
