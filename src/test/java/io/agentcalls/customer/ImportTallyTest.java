package io.agentcalls.customer;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.customer.ImportResult.RowError;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImportTallyTest {

    @Test
    void countsAddUpAndErrorsAreListedInRowOrder() {
        ImportTally tally = new ImportTally();
        CustomerData valid = new CustomerData(
                "A", null, null, null, "+919812345678", null, null, null, null, null, null, null, null, null, Map.of());
        tally.valid(valid); // row 1
        tally.rejected(2, "B", "phone is not a valid number");
        tally.valid(valid); // row 3, a duplicate
        tally.valid(valid); // row 4, updated
        tally.rejected(5, null, "id is required (id, loan_id or lead_id)");

        ImportResult result = tally.result(1, 1, List.of(new RowError(3, "A", "duplicate id in this request")));

        assertThat(result.received()).isEqualTo(5);
        assertThat(result.created()).isEqualTo(1);
        assertThat(result.updated()).isEqualTo(1);
        assertThat(result.rejected()).isEqualTo(3);
        assertThat(result.errors()).extracting(RowError::row).containsExactly(2L, 3L, 5L);
    }

    @Test
    void onlyTheFirstErrorsAreKeptButAllAreCounted() {
        ImportTally tally = new ImportTally();
        for (int row = 1; row <= ImportTally.MAX_LISTED_ERRORS + 5; row++) {
            tally.rejected(row, null, "bad");
        }
        ImportResult result = tally.result(0, 0, List.of());
        assertThat(result.rejected()).isEqualTo(ImportTally.MAX_LISTED_ERRORS + 5);
        assertThat(result.errors()).hasSize(ImportTally.MAX_LISTED_ERRORS);
    }
}
