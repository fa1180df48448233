package io.agentcalls.disposition;

import io.agentcalls.common.ApiException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The rules of a group's list of disposition ids: at most 100 a request, repeats dropped, every id a
 * live disposition of the organization ({@code invalidIds} otherwise), one disposition per code in a
 * group (the code is what a runner reports, so two members with one code could not be told apart).
 */
final class GroupMembers {

    static final int MAX_IDS = 100;
    static final String INVALID_IDS = "Invalid disposition IDs";

    private GroupMembers() {}

    /** The ids without repeats, in the order given; errors name the field. */
    static List<String> distinct(List<String> ids, List<String> errors) {
        if (ids.size() > MAX_IDS) {
            errors.add("dispositions must have at most " + MAX_IDS + " items");
            return List.of();
        }
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i) == null) {
                errors.add("dispositions[" + i + "] must be a string");
            }
        }
        return errors.isEmpty() ? List.copyOf(new LinkedHashSet<>(ids)) : List.of();
    }

    /**
     * Checks that every id is a live disposition of the organization (whose codes {@code live} holds)
     * and, when they join the group ({@code joining}), that it would hold no code twice, counting the
     * members it keeps.
     */
    static void check(List<String> ids, Map<String, String> live, Map<String, String> keptMembers, boolean joining) {
        List<String> invalid = ids.stream().filter(id -> !live.containsKey(id)).toList();
        if (!invalid.isEmpty()) {
            throw new ApiException(
                    org.springframework.http.HttpStatus.BAD_REQUEST,
                    INVALID_IDS,
                    List.of(),
                    Map.of(
                            "invalidIds",
                            invalid.stream().map(GroupMembers::shown).toList()));
        }
        if (!joining) {
            return;
        }
        Map<String, String> byCode = new HashMap<>();
        keptMembers.forEach((id, code) -> byCode.put(code, id));
        List<String> errors = new ArrayList<>();
        for (String id : ids) {
            String code = live.get(id);
            String holder = byCode.putIfAbsent(code, id);
            if (holder != null && !holder.equals(id)) {
                errors.add("dispositions: " + holder + " and " + id + " have the same code " + code
                        + "; a group holds one disposition per code");
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
    }

    /** An id as the answer repeats it: long garbage is cut, so an answer stays small. */
    private static String shown(String id) {
        return id.length() <= 100 ? id : id.substring(0, 100) + "…";
    }
}
