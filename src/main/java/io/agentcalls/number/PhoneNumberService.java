package io.agentcalls.number;

import io.agentcalls.common.ApiException;
import io.agentcalls.common.Ids;
import io.agentcalls.common.Page;
import io.agentcalls.common.PageRequest;
import io.agentcalls.common.PhoneNumbers;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Caller-ID numbers of an organization; initiation picks the numbers it calls from here. */
@Service
public class PhoneNumberService {

    public static final int DEFAULT_MAX_CONCURRENT_CALLS = 10;
    public static final int MAX_CONCURRENT_CALLS_LIMIT = 1000;
    private static final String NOT_FOUND = "Phone number not found";

    private final PhoneNumberRepository repository;

    PhoneNumberService(PhoneNumberRepository repository) {
        this.repository = repository;
    }

    /** Adds a number, normalised to E.164; a number the organization already has is a 409. */
    public PhoneNumber create(String organizationId, String number, boolean active, int maxConcurrentCalls) {
        return create(organizationId, number, active, maxConcurrentCalls, null);
    }

    /** @param providerNumberId the voice provider's id for the number, or null */
    public PhoneNumber create(
            String organizationId, String number, boolean active, int maxConcurrentCalls, String providerNumberId) {
        String e164 = PhoneNumbers.toE164(number)
                .orElseThrow(() -> ApiException.validation("number is not a valid phone number"));
        return repository
                .insert(organizationId, Ids.newId("num"), e164, active, maxConcurrentCalls, strip(providerNumberId))
                .orElseThrow(() -> ApiException.conflict("Phone number already exists"));
    }

    /** The organization's active numbers, ordered by id. */
    public List<PhoneNumber> activeNumbers(String organizationId) {
        return repository.active(organizationId);
    }

    PhoneNumber get(String organizationId, String numberId) {
        return wellFormed(numberId)
                .flatMap(id -> repository.find(organizationId, id))
                .orElseThrow(() -> ApiException.notFound(NOT_FOUND));
    }

    /** Numbers in id order; {@code active} null lists all. */
    public Page<PhoneNumber> list(String organizationId, Boolean active, PageRequest page) {
        return Page.fromOverfetch(
                repository.list(organizationId, active, page.after(), page.fetchSize()), page.limit(), PhoneNumber::id);
    }

    /** Changes whichever of the two is not null. */
    public PhoneNumber update(String organizationId, String numberId, Boolean active, Integer maxConcurrentCalls) {
        return update(organizationId, numberId, active, maxConcurrentCalls, null);
    }

    /** Changes whichever is not null. */
    public PhoneNumber update(
            String organizationId,
            String numberId,
            Boolean active,
            Integer maxConcurrentCalls,
            String providerNumberId) {
        return wellFormed(numberId)
                .flatMap(id ->
                        repository.update(organizationId, id, active, maxConcurrentCalls, strip(providerNumberId)))
                .orElseThrow(() -> ApiException.notFound(NOT_FOUND));
    }

    public void delete(String organizationId, String numberId) {
        if (!Ids.looksLike("num", numberId) || !repository.softDelete(organizationId, numberId)) {
            throw ApiException.notFound(NOT_FOUND);
        }
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }

    /** An id that cannot be a number's is not looked up at all. */
    private static Optional<String> wellFormed(String numberId) {
        return Ids.looksLike("num", numberId) ? Optional.of(numberId) : Optional.empty();
    }
}
