package io.agentcalls.customer;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.agentcalls.common.ApiException;
import io.agentcalls.common.ErrorTypes;
import io.agentcalls.customer.CustomerAdditions.Added;
import io.agentcalls.customer.ImportResult.RowError;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The answers of Add Customer and Bulk Add Customers, in the shapes their pages document. */
final class AddResponses {

    private AddResponses() {}

    /** Add Customer: {@code callInitiated} only with initiateCall, {@code callError} only when it is false. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "AddCustomerResponse")
    record One(boolean success, String message, Data data, Boolean callInitiated, String callError) {}

    @Schema(name = "AddedCustomer")
    record Data(String id, String campaignId) {}

    /** Bulk Add Customers; {@code error} only when nothing was added, {@code callResults} only with initiateCall. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "AddCustomersBulkResponse")
    record Bulk(boolean success, String error, String message, Results results, CallResults callResults) {}

    /** {@code valid + invalid == total}; of the valid, {@code successful + failed} (an id already there, or twice). */
    @Schema(name = "AddCustomersResults")
    record Results(
            long total,
            long valid,
            long invalid,
            long successful,
            long failed,
            int batchesProcessed,
            List<RecordError> errors) {}

    /** A record not added: its position in {@code records} (from 0), its id when readable, and why. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RecordError(long index, String id, String error) {}

    static ResponseEntity<One> one(String campaignId, Added added) {
        ImportResult result = added.result();
        if (result.created() == 0) {
            RowError error = result.errors().get(0);
            if (added.invalid() > 0) {
                throw ApiException.validation(Arrays.asList(error.reason().split("; ")));
            }
            throw ApiException.conflict("Customer " + error.id() + " " + StagingRepository.EXISTS);
        }
        String id = added.addedIds().get(0);
        CallResults calls = added.calls();
        Boolean initiated = calls == null ? null : calls.initiated() > 0;
        String callError = calls == null || initiated ? null : callError(calls);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new One(
                        true,
                        "Customer added to campaign successfully",
                        new Data(id, campaignId),
                        initiated,
                        callError));
    }

    static ResponseEntity<Bulk> bulk(Added added) {
        ImportResult result = added.result();
        long total = result.received();
        long valid = total - added.invalid();
        Results results = new Results(
                total,
                valid,
                added.invalid(),
                result.created(),
                valid - result.created(),
                (int) ((total + CustomerAdditions.CALL_BATCH - 1) / CustomerAdditions.CALL_BATCH),
                result.errors().stream()
                        .map(e -> new RecordError(e.row() - 1, e.id(), e.reason()))
                        .toList());
        HttpStatus status = result.created() == total
                ? HttpStatus.CREATED
                : result.created() == 0 ? HttpStatus.BAD_REQUEST : HttpStatus.MULTI_STATUS;
        String error = status == HttpStatus.BAD_REQUEST ? ErrorTypes.of(status.value()) : null;
        String message = "Added " + result.created() + " of " + total + " records";
        return ResponseEntity.status(status)
                .body(new Bulk(status == HttpStatus.CREATED, error, message, results, added.calls()));
    }

    /** Why the one customer added was not called. */
    private static String callError(CallResults calls) {
        if (!calls.errors().isEmpty()) {
            return calls.errors().get(0).reason();
        }
        if (calls.skipped().total() > 0) {
            return "Skipped by a safeguard: " + describe(calls.skipped());
        }
        return "Call initiation failed";
    }

    private static String describe(CustomerCalls.Skipped skipped) {
        return skipped.activeCall() > 0
                ? "an active call"
                : skipped.doNotCall() > 0
                        ? "on the do-not-call list"
                        : skipped.attemptLimit() > 0 ? "attempt limit reached" : "outside the calling window";
    }
}
