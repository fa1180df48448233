package io.agentcalls.customer;

import io.agentcalls.common.ApiResponse;
import io.agentcalls.common.PageRequest;
import io.agentcalls.organization.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@Tag(name = "Customers")
@RestController
@RequestMapping("/api/v1/campaigns/{campaignId}/customers")
class CustomerController {

    private final CustomerService customers;
    private final CustomerImportService imports;

    CustomerController(CustomerService customers, CustomerImportService imports) {
        this.customers = customers;
        this.imports = imports;
    }

    /** {@code customers} is read as raw JSON: each entry is checked on its own, so one bad row is not a 400. */
    @Schema(name = "UpsertCustomersRequest")
    record UpsertCustomersRequest(
            @ArraySchema(
                    schema = @Schema(implementation = CustomerRequests.Input.class),
                    arraySchema = @Schema(description = "At most 10,000 customers"))
            JsonNode customers) {}

    @Operation(
            operationId = "upsertCustomers",
            summary = "Add or update customers (JSON)",
            description =
                    "Creates or replaces customers by id. Each customer is checked on its own: a bad one is listed in `errors` and the others are saved.")
    @PostMapping
    ApiResponse<ImportResult> upsert(
            Caller caller, @PathVariable String campaignId, @RequestBody UpsertCustomersRequest request) {
        List<JsonNode> entries = CustomerJson.entries(request.customers());
        return ApiResponse.of(imports.upsert(caller.organizationId(), campaignId, entries));
    }

    @Operation(
            operationId = "listCustomers",
            summary = "List a campaign's customers",
            description =
                    "Ordered by id, a page at a time; filtered by `payment_status` and `language` (one value each).")
    @GetMapping
    ApiResponse<List<Customer>> list(
            Caller caller,
            @PathVariable String campaignId,
            @RequestParam(name = "payment_status", required = false) String paymentStatus,
            @RequestParam(required = false) String language,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        return ApiResponse.page(customers.list(
                caller.organizationId(), campaignId, paymentStatus, language, PageRequest.of(limit, cursor)));
    }

    @Operation(
            operationId = "getCustomer",
            summary = "Get a customer",
            description = "One customer of the campaign by its id.")
    @GetMapping("/{customerId}")
    ApiResponse<Customer> get(Caller caller, @PathVariable String campaignId, @PathVariable String customerId) {
        return ApiResponse.of(customers.get(caller.organizationId(), campaignId, customerId));
    }

    @Operation(
            operationId = "patchCustomer",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = CustomerRequests.Input.class))),
            summary = "Update a customer (merge patch)",
            description =
                    "JSON Merge Patch: fields given change, `null` clears an optional field, `custom` is merged key by key.")
    @PatchMapping("/{customerId}")
    ApiResponse<Customer> patch(
            Caller caller,
            @PathVariable String campaignId,
            @PathVariable String customerId,
            @RequestBody JsonNode body) {
        // read by hand, not bound to a record: an explicit null (clear the field) differs from absence
        return ApiResponse.of(
                customers.patch(caller.organizationId(), campaignId, customerId, CustomerPatch.read(body)));
    }

    @Operation(
            operationId = "deleteCustomer",
            summary = "Delete a customer",
            description = "Removes the customer for good.")
    @DeleteMapping("/{customerId}")
    ApiResponse<Void> delete(Caller caller, @PathVariable String campaignId, @PathVariable String customerId) {
        customers.delete(caller.organizationId(), campaignId, customerId);
        return new ApiResponse<>(true, null, null);
    }
}
