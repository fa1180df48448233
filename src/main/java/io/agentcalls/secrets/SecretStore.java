package io.agentcalls.secrets;

/**
 * A feature that keeps secrets in its tables, encrypted with {@link SecretCipher}. At every start,
 * once the key is known to fit the database, each store re-encrypts what is not under the current
 * key (values under a previous key, plaintext from before encryption); only then are previous keys
 * retired. Webhooks are one store; the voice providers' credentials will be the next.
 */
public interface SecretStore {

    /**
     * Rewrites every stored value that {@code cipher} does not call current with
     * {@link SecretCipher#underCurrentKey}; idempotent. Returns how many values it rewrote.
     */
    int reencrypt(SecretCipher cipher);
}
