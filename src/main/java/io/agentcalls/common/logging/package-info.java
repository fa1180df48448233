/** Logs without personal data: phone numbers masked in every log output, pattern or JSON. */
package io.agentcalls.common.logging;
