package io.agentcalls.contact;

import io.agentcalls.common.ApiException;
import org.springframework.stereotype.Service;

/** Reads and sets an organization's contact policy; the selection and the dialer count against it in SQL. */
@Service
public class ContactPolicyService {

    private final ContactPolicyRepository repository;

    ContactPolicyService(ContactPolicyRepository repository) {
        this.repository = repository;
    }

    public ContactPolicy policy(String organizationId) {
        return repository.find(organizationId).orElse(ContactPolicy.DEFAULT);
    }

    /** Replaces the policy; a per-week cap below the per-day cap is refused, it could never be reached. */
    ContactPolicy replace(String organizationId, ContactPolicy policy) {
        check("maxAttemptsPerDay", policy.maxAttemptsPerDay(), ContactPolicy.MAX_PER_DAY);
        check("maxAttemptsPerWeek", policy.maxAttemptsPerWeek(), ContactPolicy.MAX_PER_WEEK);
        if (policy.maxAttemptsPerWeek() < policy.maxAttemptsPerDay()) {
            throw ApiException.validation("maxAttemptsPerWeek must be at least maxAttemptsPerDay");
        }
        repository.save(organizationId, policy);
        return policy;
    }

    private static void check(String field, int value, int max) {
        if (value < 1 || value > max) {
            throw ApiException.validation(field + " must be between 1 and " + max);
        }
    }
}
