-- Secrets at rest (docs/decisions/0008-secrets-encrypted-at-rest.md): the keys that may still have
-- encrypted values in this database, each with a check value (an HMAC under the key), so a node
-- started with a key that cannot open them refuses to start. Global, not per organization: one key
-- encrypts every organization's secrets. A key is listed from its first start as the current key
-- until a start under a newer key has re-encrypted everything.
CREATE TABLE encryption_keys (
    key_id      text PRIMARY KEY,
    check_value text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

COMMENT ON COLUMN webhook_endpoints.secret IS
    'AES-GCM ciphertext (enc:v1:<key id>:...); plaintext rows of earlier versions are encrypted at start';
COMMENT ON COLUMN webhook_endpoints.previous_secret IS
    'AES-GCM ciphertext, like secret';
