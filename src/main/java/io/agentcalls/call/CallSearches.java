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

    CallSearches(CallSearchRepository searches) {
        this.searches = searches;
    }

    /** The console's call list, newest first (see {@link CallSearch}). */
    public Page<CallListItem> searchCalls(String organizationId, CallSearch search, PageRequest page) {
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
