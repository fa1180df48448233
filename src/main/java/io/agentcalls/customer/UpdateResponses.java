package io.agentcalls.customer;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.agentcalls.common.ErrorTypes;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The answers of Update Customer and Bulk Update Customer, in the shapes their pages document. */
final class UpdateResponses {

    private UpdateResponses() {}

    @Schema(name = "UpdateCustomerResponse")
    record One(boolean success, String message, Data data) {}

    @Schema(name = "UpdatedCustomer")
    record Data(String id, String result) {}

    /** {@code error} only when nothing was updated. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "UpdateCustomersBulkResponse")
    record Bulk(boolean success, String error, String message, Results results) {}

    /**
     * {@code valid + invalid == total}; of the valid, {@code successful + failed}; {@code retried}
     * counts the records whose customer changed while they were updated (version conflicts).
     */
    @Schema(name = "UpdateCustomersResults")
    record Results(
            long total,
            long valid,
            long invalid,
            long successful,
            long failed,
            long retried,
            int batchesProcessed,
            List<AddResponses.RecordError> errors) {}

    static One one(Customer updated) {
        return new One(true, "Customer data updated successfully", new Data(updated.id(), "updated"));
    }

    static ResponseEntity<Bulk> bulk(BulkCustomerUpdate.Outcome outcome) {
        long valid = outcome.total() - outcome.invalid();
        Results results = new Results(
                outcome.total(),
                valid,
                outcome.invalid(),
                outcome.successful(),
                valid - outcome.successful(),
                outcome.retried(),
                outcome.batches(),
                outcome.errors());
        HttpStatus status = outcome.successful() == outcome.total()
                ? HttpStatus.OK
                : outcome.successful() == 0 ? HttpStatus.BAD_REQUEST : HttpStatus.MULTI_STATUS;
        String error = status == HttpStatus.BAD_REQUEST ? ErrorTypes.of(status.value()) : null;
        String message = "Updated " + outcome.successful() + " of " + outcome.total() + " records";
        return ResponseEntity.status(status).body(new Bulk(status == HttpStatus.OK, error, message, results));
    }
}
