package io.agentcalls.initiation;

/** The HTTP answer of one initiation, as stored for idempotent replay. */
record InitiationOutcome(int status, String body, boolean replayed) {}
