package io.agentcalls.initiation.record;

/**
 * The hash a repeated Idempotency-Key is checked by: SHA-256 of the recorded request as jsonb text,
 * which is canonical (key order and spacing do not change it), so the body need not be kept for it.
 */
final class RequestHash {

    /** SQL of the hash of the {@code :request} parameter (JSON text). */
    static final String OF_REQUEST = "encode(sha256(convert_to(CAST(CAST(:request AS jsonb) AS text), 'UTF8')), 'hex')";

    private RequestHash() {}
}
