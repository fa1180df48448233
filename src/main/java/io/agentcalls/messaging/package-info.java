/** SMS and WhatsApp: not served yet (they need messaging providers); their documented paths answer 501. */
package io.agentcalls.messaging;
