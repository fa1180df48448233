package io.agentcalls.customer;

import io.agentcalls.organization.Caller;
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

    @PostMapping(path = "/api/v1/customers/add", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AddResponses.One> add(Caller caller, @RequestBody JsonNode body) {
        AddCustomersRequest request = AddCustomersRequest.single(body);
        return AddResponses.one(request.campaignId(), additions.add(caller, request));
    }

    @PostMapping(path = "/api/v1/customers/add/bulk", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AddResponses.Bulk> addBulk(Caller caller, @RequestBody JsonNode body) {
        return AddResponses.bulk(additions.add(caller, AddCustomersRequest.bulk(body)));
    }

    @PutMapping(
            path = {"/api/v1/customer-data", "/api/v1/customers/update"},
            consumes = MediaType.APPLICATION_JSON_VALUE)
    UpdateResponses.One update(Caller caller, @RequestBody JsonNode body) {
        UpdateRequests.One request = UpdateRequests.one(body);
        return UpdateResponses.one(
                customers.patch(caller.organizationId(), request.campaignId(), request.customerId(), request.patch()));
    }

    @PutMapping(path = "/api/v1/customer-data/bulk", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<UpdateResponses.Bulk> updateBulk(Caller caller, @RequestBody JsonNode body) {
        return UpdateResponses.bulk(bulkUpdate.update(caller.organizationId(), UpdateRequests.bulk(body)));
    }
}
