/** The response envelope, API errors, ids, pagination and phone numbers: small, no business logic. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.agentcalls.common;
