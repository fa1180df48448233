package io.agentcalls.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcalls.common.ApiException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvCustomersTest {

    @Test
    void standardColumnsMatchInAnyCaseAndTheRestAreCustomFields() {
        CsvCustomers csv = open("\uFEFFLoan_ID, Phone ,EMI_Amount,branch,Segment\nL1,9812345678,10,mumbai,\n");
        assertThat(csv.customFieldNames()).containsExactly("branch", "Segment");

        List<ParsedCustomer> rows = rows(csv);
        assertThat(rows).hasSize(1);
        CustomerData data = rows.get(0).data();
        assertThat(data.id()).isEqualTo("L1");
        assertThat(data.emiAmount()).isEqualByComparingTo("10");
        assertThat(data.custom()).containsExactly(java.util.Map.entry("branch", "mumbai"));
    }

    @Test
    void rowProblemsNameTheIdColumnAsTheFileSpellsIt() {
        List<ParsedCustomer> rows = rows(open("LEAD_ID,phone\n" + "x".repeat(101) + ",9812345678\n"));
        assertThat(rows.get(0).problem()).isEqualTo("lead_id must be at most 100 characters");
    }

    @Test
    void brokenQuotingFailsTheFileAtTheLineWhereTheRecordStarts() {
        CsvCustomers csv = open("id,phone\n\nA,9812345678\n\"B,9812345678\nC,1\n");
        assertThatThrownBy(() -> rows(csv))
                .isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).errors())
                .asList()
                .containsExactly("CSV cannot be parsed at line 4: a quoted value is not closed");
    }

    @Test
    void headerProblemsAreAllReported() {
        assertThatThrownBy(() -> open("name,,name\n"))
                .extracting(e -> ((ApiException) e).errors())
                .asList()
                .containsExactly(
                        "CSV header column 2 has no name",
                        "CSV header has the column 'name' more than once",
                        "CSV has no id column (id, loan_id or lead_id)",
                        "CSV has no phone column");
    }

    private static CsvCustomers open(String csv) {
        return CsvCustomers.open(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<ParsedCustomer> rows(CsvCustomers csv) {
        List<ParsedCustomer> rows = new ArrayList<>();
        csv.forEach((row, number) -> rows.add(row));
        return rows;
    }
}
