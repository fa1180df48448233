package io.agentcalls.customer;

import io.agentcalls.organization.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The customer-data pages of the TimePay Agents API at their documented paths: Add and Bulk Add
 * Customers, Update Customer (at both of its published paths) and Bulk Update Customer.
 */
@Tag(name = "Customer data (TimePay)")
@RestController
class TimepayCustomerController {

    private final CustomerAdditions additions;
    private final CustomerService customers;
    private final BulkCustomerUpdate bulkUpdate;

    TimepayCustomerController(CustomerAdditions additions, CustomerService customers, BulkCustomerUpdate bulkUpdate) {
        this.additions = additions;
        this.customers = customers;
        this.bulkUpdate = bulkUpdate;
    }

    @Operation(
            operationId = "addCustomer",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = CustomerRequests.AddOne.class))),
            responses = {
                @io.swagger.v3.oas.annotations.responses.ApiResponse(
                        responseCode = "201",
                        description = "The customer was added (and called, with initiateCall)",
                        content = @Content(schema = @Schema(implementation = AddResponses.One.class))),
                @io.swagger.v3.oas.annotations.responses.ApiResponse(
                        responseCode = "409",
                        description = "A customer with this id is in the campaign already",
                        content = @Content(schema = @Schema(implementation = io.agentcalls.common.ErrorResponse.class)))
            },
            summary = "Add a customer",
            description =
                    "The TimePay Agents API's Add Customer: one record into a campaign, called at once when `initiateCall` is true.")
    @PostMapping(path = "/api/v1/customers/add", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AddResponses.One> add(Caller caller, @RequestBody JsonNode body) {
        AddCustomersRequest request = AddCustomersRequest.single(body);
        return AddResponses.one(request.campaignId(), additions.add(caller, request));
    }

    @Operation(
            operationId = "addCustomersBulk",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = CustomerRequests.AddBulk.class))),
            responses = {
                @io.swagger.v3.oas.annotations.responses.ApiResponse(
                        responseCode = "201",
                        description = "Every record was added",
                        content = @Content(schema = @Schema(implementation = AddResponses.Bulk.class))),
                @io.swagger.v3.oas.annotations.responses.ApiResponse(
                        responseCode = "207",
                        description = "Some records were added; results.errors lists the others",
                        content = @Content(schema = @Schema(implementation = AddResponses.Bulk.class))),
                @io.swagger.v3.oas.annotations.responses.ApiResponse(
                        responseCode = "400",
                        description = "No record was added (or the body is malformed: the error envelope)",
                        content = @Content(schema = @Schema(implementation = AddResponses.Bulk.class)))
            },
            summary = "Add customers in bulk",
            description = "Up to 10,000 records: `201` when all were added, `207` when some were, `400` when none was.")
    @PostMapping(path = "/api/v1/customers/add/bulk", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AddResponses.Bulk> addBulk(Caller caller, @RequestBody JsonNode body) {
        return AddResponses.bulk(additions.add(caller, AddCustomersRequest.bulk(body)));
    }

    @Operation(
            operationId = "updateCustomerData",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = CustomerRequests.UpdateOne.class))),
            summary = "Update a customer",
            description =
                    "The TimePay Agents API's Update Customer, by `loan_id`, `lead_id` or `id`; `data` is a merge patch.")
    @PutMapping(path = "/api/v1/customer-data", consumes = MediaType.APPLICATION_JSON_VALUE)
    UpdateResponses.One update(Caller caller, @RequestBody JsonNode body) {
        UpdateRequests.One request = UpdateRequests.one(body);
        return UpdateResponses.one(
                customers.patch(caller.organizationId(), request.campaignId(), request.customerId(), request.patch()));
    }

    /** The same page at its second published path; a method of its own so each path has its own operation id. */
    @Operation(
            operationId = "updateCustomer",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = CustomerRequests.UpdateOne.class))),
            summary = "Update a customer (second path)",
            description = "The same page at its other published path, `/api/v1/customers/update`.")
    @PutMapping(path = "/api/v1/customers/update", consumes = MediaType.APPLICATION_JSON_VALUE)
    UpdateResponses.One updateAtCustomersPath(Caller caller, @RequestBody JsonNode body) {
        return update(caller, body);
    }

    @Operation(
            operationId = "updateCustomersBulk",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = CustomerRequests.UpdateBulk.class))),
            responses = {
                @io.swagger.v3.oas.annotations.responses.ApiResponse(
                        responseCode = "200",
                        description = "Every record was updated",
                        content = @Content(schema = @Schema(implementation = UpdateResponses.Bulk.class))),
                @io.swagger.v3.oas.annotations.responses.ApiResponse(
                        responseCode = "207",
                        description = "Some records were updated; results.errors lists the others",
                        content = @Content(schema = @Schema(implementation = UpdateResponses.Bulk.class))),
                @io.swagger.v3.oas.annotations.responses.ApiResponse(
                        responseCode = "400",
                        description = "No record was updated (or the body is malformed: the error envelope)",
                        content = @Content(schema = @Schema(implementation = UpdateResponses.Bulk.class)))
            },
            summary = "Update customers in bulk",
            description =
                    "Up to 10,000 `{id, data}` records: `200` when all were updated, `207` when some were, `400` when none was.")
    @PutMapping(path = "/api/v1/customer-data/bulk", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<UpdateResponses.Bulk> updateBulk(Caller caller, @RequestBody JsonNode body) {
        return UpdateResponses.bulk(bulkUpdate.update(caller.organizationId(), UpdateRequests.bulk(body)));
    }
}
