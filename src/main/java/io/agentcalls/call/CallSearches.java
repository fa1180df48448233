package io.agentcalls.call;

import io.agentcalls.common.Page;
import io.agentcalls.common.PageRequest;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/** The console's reads over the calls: its searchable list, the CSV export and a customer's attempts. */
@Service
public class CallSearches {

    private static final int EXPORT_PAGE = 1000;
    private static final int MAX_ATTEMPTS_LISTED = 500;

    private final CallSearchRepository searches;
    private final CallTallyRepository tallies;

    CallSearches(CallSearchRepository searches, CallTallyRepository tallies) {
        this.searches = searches;
        this.tallies = tallies;
    }

    /**
     * The console's call list, newest first (see {@link CallSearch}). A status filter no call of the
     * organization (or campaign) has, by the calls' tallies, answers an empty page at once: the list
     * walks the calls newest first, and a status with none would walk them all (docs/decisions/0014a).
     */
    public Page<CallListItem> searchCalls(String organizationId, CallSearch search, PageRequest page) {
        if (!search.statuses().isEmpty()
                && !tallies.anyInStatuses(
                        organizationId,
                        search.campaignId(),
                        search.statuses().stream().map(CallStatus::value).toArray(String[]::new))) {
            return Page.fromOverfetch(List.of(), page.limit(), CallListItem::id);
        }
        List<CallListItem> rows = searches.page(organizationId, search, page.after(), page.fetchSize());
        return Page.fromOverfetch(rows, page.limit(), CallListItem::id);
    }

    /**
     * Every call the search matches, newest first, handed to {@code pages} one keyset page at a time:
     * an export of a million calls holds one page in memory and no connection between pages, so a slow
     * download never holds the database.
     */
    public void exportCalls(String organizationId, CallSearch search, Consumer<List<CallListItem>> pages) {
        String after = null;
        while (true) {
            List<CallListItem> rows = searches.page(organizationId, search, after, EXPORT_PAGE);
            if (!rows.isEmpty()) {
                pages.accept(rows);
            }
            if (rows.size() < EXPORT_PAGE) {
                return;
            }
            after = rows.get(rows.size() - 1).id();
        }
    }

    /** A customer's calls in the order they were made (at most the first 500). */
    public List<CallListItem> customerAttempts(String organizationId, String campaignId, String customerId) {
        return searches.attempts(organizationId, campaignId, customerId, MAX_ATTEMPTS_LISTED);
    }
}
