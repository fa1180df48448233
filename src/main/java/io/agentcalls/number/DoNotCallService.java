package io.agentcalls.number;

import io.agentcalls.common.ApiException;
import io.agentcalls.common.Page;
import io.agentcalls.common.PageRequest;
import io.agentcalls.common.PhoneNumbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** The organization's do-not-call list: phones (E.164) that are never called. */
@Service
public class DoNotCallService {

    public static final int MAX_PHONES_PER_REQUEST = 10_000;
    /** Beyond this, a list of bad entries helps nobody; the count of the rest is enough. */
    private static final int MAX_REPORTED_ERRORS = 100;

    private final DoNotCallRepository repository;

    DoNotCallService(DoNotCallRepository repository) {
        this.repository = repository;
    }

    /** How many phones were newly listed and how many were listed already (repeats count as listed). */
    public record DoNotCallAddition(int added, int alreadyListed) {}

    /** Lists every phone, or none of them when any is not a valid phone number. */
    public DoNotCallAddition add(String organizationId, List<String> phones) {
        List<String> e164 = normalised(phones);
        int added = repository.insert(
                organizationId, e164.stream().distinct().sorted().toList());
        return new DoNotCallAddition(added, phones.size() - added);
    }

    /** Takes a phone off the list; accepts any form {@link PhoneNumbers#toE164} reads. */
    public void remove(String organizationId, String phone) {
        if (!repository.delete(organizationId, e164(phone))) {
            throw ApiException.notFound("Phone not on the do-not-call list");
        }
    }

    public boolean isListed(String organizationId, String e164Phone) {
        return repository.exists(organizationId, e164Phone);
    }

    /** The list in phone order; with {@code phone} given, just that phone if it is listed. */
    public Page<DoNotCallEntry> list(String organizationId, String phone, PageRequest page) {
        String only = phone == null || phone.isEmpty() ? null : e164(phone);
        return Page.fromOverfetch(
                repository.list(organizationId, only, page.after(), page.fetchSize()),
                page.limit(),
                DoNotCallEntry::phone);
    }

    private static String e164(String phone) {
        return PhoneNumbers.toE164(phone)
                .orElseThrow(() -> ApiException.validation("phone is not a valid phone number"));
    }

    private static List<String> normalised(List<String> phones) {
        if (phones == null || phones.isEmpty()) {
            throw ApiException.validation("phones must have at least 1 entry");
        }
        if (phones.size() > MAX_PHONES_PER_REQUEST) {
            throw ApiException.validation("phones must have at most " + MAX_PHONES_PER_REQUEST + " entries");
        }
        List<String> e164 = new ArrayList<>(phones.size());
        List<String> errors = new ArrayList<>();
        int invalid = 0;
        for (int i = 0; i < phones.size(); i++) {
            Optional<String> parsed = PhoneNumbers.toE164(phones.get(i));
            if (parsed.isPresent()) {
                e164.add(parsed.get());
            } else if (++invalid <= MAX_REPORTED_ERRORS) {
                errors.add("phones[" + i + "] is not a valid phone number");
            }
        }
        if (invalid > MAX_REPORTED_ERRORS) {
            errors.add(
                    "phones has " + (invalid - MAX_REPORTED_ERRORS) + " more entries that are not valid phone numbers");
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return e164;
    }
}
