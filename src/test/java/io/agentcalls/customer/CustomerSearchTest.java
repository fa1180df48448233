package io.agentcalls.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcalls.common.ApiException;
import io.agentcalls.common.Cursor;
import io.agentcalls.common.Page;
import io.agentcalls.common.PageRequest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What the console reads and writes through CustomerService (issue 14): search, pages, CSV import. */
class CustomerSearchTest extends CustomerApiTestBase {

    @Autowired
    CustomerService customers;

    @Test
    void findsByPhoneOrNamePrefixInIdOrderAndPages() {
        String key = newOrganization();
        String org = io.agentcalls.call.CallFixtures.organizationOf(key);
        String campaign = newCampaign(key);
        assertThat(importCsv(key, campaign, """
                        id,name,phone
                        A-1,Asha Rao,9876500001
                        A-2,asha mehta,9876500002
                        A-3,Bala,9876500003
                        A-4,50% Off,9876500004
                        """).status()).isEqualTo(200);

        assertThat(ids(org, campaign, null, "ASHA")).containsExactly("A-1", "A-2");
        assertThat(ids(org, campaign, "+919876500003", null)).containsExactly("A-3");
        assertThat(ids(org, campaign, null, "50%")).containsExactly("A-4");
        assertThat(ids(org, campaign, null, "5_%")).isEmpty();
        assertThat(ids(org, campaign, null, null)).containsExactly("A-1", "A-2", "A-3", "A-4");

        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            Page<Customer> page = customers.search(
                    org, campaign, null, null, new PageRequest(3, cursor == null ? null : Cursor.decode(cursor)));
            page.items().forEach(c -> paged.add(c.id()));
            cursor = page.nextCursor();
        } while (cursor != null);
        assertThat(paged).containsExactly("A-1", "A-2", "A-3", "A-4");

        String stranger = io.agentcalls.call.CallFixtures.organizationOf(newOrganization());
        assertThatThrownBy(() -> customers.search(stranger, campaign, null, null, new PageRequest(10, null)))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status().value()).isEqualTo(404));
        assertThatThrownBy(() -> customers.find(stranger, campaign, "A-1"))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status().value()).isEqualTo(404));
    }

    @Test
    void importsAnUploadAndReportsItsBadRows() throws Exception {
        String key = newOrganization();
        String org = io.agentcalls.call.CallFixtures.organizationOf(key);
        String campaign = newCampaign(key);
        String csv = "id,name,phone\nB-1,Good,9876500011\nB-2,Bad phone,12\n";
        ImportResult result =
                customers.importCsv(org, campaign, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(result.created()).isEqualTo(1);
        assertThat(result.rejected()).isEqualTo(1);
        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo(2);
            assertThat(e.id()).isEqualTo("B-2");
            assertThat(e.reason()).contains("phone");
        });
        assertThat(customerCount(campaign)).isEqualTo(1);

        String stranger = io.agentcalls.call.CallFixtures.organizationOf(newOrganization());
        assertThatThrownBy(() -> customers.importCsv(
                        stranger, campaign, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status().value()).isEqualTo(404));
        assertThat(customerCount(campaign)).isEqualTo(1);
    }

    private List<String> ids(String org, String campaign, String phone, String name) {
        return customers.search(org, campaign, phone, name, new PageRequest(50, null)).items().stream()
                .map(Customer::id)
                .toList();
    }
}
