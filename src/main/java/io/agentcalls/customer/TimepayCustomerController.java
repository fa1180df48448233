package io.agentcalls.customer;

import io.agentcalls.organization.Caller;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The customer-data pages of the TimePay Agents API at their documented paths: Add and Bulk Add Customers. */
@RestController
class TimepayCustomerController {

    private final CustomerAdditions additions;

    TimepayCustomerController(CustomerAdditions additions) {
        this.additions = additions;
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
}
