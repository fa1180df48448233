package io.agentcalls.customer;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The customer bodies as the OpenAPI document describes them. The controllers read each record
 * field by field (one bad record is that record's error, not the request's), so these records exist
 * for the document only; the rules are docs/api/campaigns-customers.md's. Component names are the
 * wire names, snake_case included.
 */
final class CustomerRequests {

    private CustomerRequests() {}

    @Schema(
            name = "CustomerInput",
            description = "A customer as sent: the id under one of id, loan_id or lead_id; phone required on create."
                    + " In a PATCH, null clears an optional field and custom is merged key by key")
    record Input(
            @Schema(description = "The customer's id in the campaign, 1-100 characters", example = "LOAN-2025-00123")
            String id,

            @Schema(description = "The id, for emi and edi campaigns")
            String loan_id,

            @Schema(description = "The id, for lead campaigns")
            String lead_id,

            @Schema(description = "Stored E.164; without a country code Indian", example = "+919812345678")
            String phone,

            @Schema(description = "Another name of phone") String phone_number,

            @Schema(description = "At most 200 characters", example = "Asha Verma")
            String name,

            String first_name,
            String last_name,

            @Schema(description = "Stored lower case", example = "hindi")
            String language,

            @Schema(allowableValues = {"bounced", "pending", "partial", "paid", "received"})
            String payment_status,

            @Schema(description = "0-999,999,999,999.99, at most two decimals", example = "12500")
            BigDecimal emi_amount,

            @Schema(example = "350000") BigDecimal loan_amount,
            @Schema(example = "2026-11-05") LocalDate emi_due_date,

            @Schema(description = "IANA region id; the campaign's when absent")
            String timezone,

            @Schema(description = "Months, 0-1200") Integer loan_period,
            @Schema(description = "0-1200") Integer current_emi,
            LocalDate lead_date,

            @Schema(
                    description = "Custom fields: identifier names, string, number or boolean values",
                    example = "{\"branch\":\"mumbai\",\"product_type\":\"personal_loan\"}")
            Map<String, Object> custom) {}

    @Schema(name = "CallConfig", description = "The agent and disposition set the added customers are called with")
    record CallConfig(
            @Schema(example = "agt_000000000000000000000000000de001")
            String agentId,

            String dispositionId) {}

    @Schema(name = "AddCustomerRequest")
    record AddOne(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String campaignId,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            Input data,

            @Schema(description = "Call the customer once added; needs callConfig")
            Boolean initiateCall,

            CallConfig callConfig) {}

    @Schema(name = "AddCustomersBulkRequest")
    record AddBulk(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String campaignId,

            @Schema(description = "At most 10,000 records", requiredMode = Schema.RequiredMode.REQUIRED)
            List<Input> records,

            Boolean initiateCall,
            CallConfig callConfig,

            @Schema(description = "Not supported here: true is refused")
            Boolean useWorkflow) {}

    @Schema(name = "UpdateCustomerRequest", description = "The customer by loan_id, lead_id or id (one of them)")
    record UpdateOne(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String campaignId,

            String loan_id,
            String lead_id,
            String id,

            @Schema(description = "The change, as a merge patch", requiredMode = Schema.RequiredMode.REQUIRED)
            Input data) {}

    @Schema(name = "UpdateCustomerRecord")
    record UpdateRecord(String id, Input data) {}

    @Schema(name = "UpdateCustomersBulkRequest")
    record UpdateBulk(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String campaignId,

            @Schema(description = "At most 10,000 records") List<UpdateRecord> records) {}

    @Schema(name = "CustomerCsvUpload")
    record CsvUpload(
            @Schema(type = "string", format = "binary", description = "The CSV file")
            String file) {}
}
