package io.agentcalls.organization;

import io.agentcalls.common.ApiException;
import io.agentcalls.common.Ids;
import io.agentcalls.common.Page;
import io.agentcalls.common.PageRequest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Organizations and their API keys; the only way other features learn who is calling. */
@Service
public class OrganizationService {

    /** last_used_at is informative; writing it on every request would double the writes of reads. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final OrganizationRepository repository;

    OrganizationService(OrganizationRepository repository) {
        this.repository = repository;
    }

    public record CreatedOrganization(Organization organization, String apiKey) {}

    @Transactional
    public CreatedOrganization createOrganization(String name) {
        Organization organization = new Organization(Ids.newId("org"), name);
        repository.insertOrganization(organization);
        ApiKeyView key = createApiKey(organization.id(), "default");
        return new CreatedOrganization(organization, key.key());
    }

    /** Whether an organization has this id (the admin API's paths name one). */
    public boolean exists(String organizationId) {
        return organizationId != null && repository.exists(organizationId);
    }

    @Transactional
    public ApiKeyView createApiKey(String organizationId, String name) {
        ApiKeyToken token = ApiKeyToken.generate(organizationId);
        return repository
                .insertKey(organizationId, Ids.newId("key"), name, token)
                .withSecret(token.plaintext());
    }

    public Page<ApiKeyView> listApiKeys(String organizationId, PageRequest page) {
        return Page.fromOverfetch(
                repository.listKeys(organizationId, page.after(), page.fetchSize()), page.limit(), ApiKeyView::id);
    }

    public void revokeApiKey(String organizationId, String keyId) {
        if (!repository.revokeKey(organizationId, keyId)) {
            throw ApiException.notFound("API key not found");
        }
    }

    /** The caller behind a bearer token, or empty for a malformed, unknown or revoked key. */
    public Optional<Caller> authenticate(String bearerToken) {
        return ApiKeyToken.parse(bearerToken)
                .flatMap(token -> repository.findActiveKey(token).map(key -> {
                    if (key.lastUsedAt() == null
                            || key.lastUsedAt().isBefore(OffsetDateTime.now().minus(LAST_USED_RESOLUTION))) {
                        repository.touchKey(token.organizationId(), key.id());
                    }
                    return new Caller(token.organizationId(), key.id());
                }));
    }
}
