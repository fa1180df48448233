package io.agentcalls.customer;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A customer as the API shows it: customer data fields in snake_case (as in filters and prompts),
 * timestamps in camelCase like every API object. {@code custom} is the stored JSON object as is.
 */
public record Customer(
        String id,
        String name,
        @JsonProperty("first_name") String firstName,
        @JsonProperty("last_name") String lastName,
        String phone,
        String language,
        @JsonProperty("payment_status") String paymentStatus,
        @JsonProperty("emi_amount") BigDecimal emiAmount,
        @JsonProperty("emi_due_date") LocalDate emiDueDate,
        @JsonProperty("loan_amount") BigDecimal loanAmount,
        @JsonProperty("loan_period") Integer loanPeriod,
        @JsonProperty("current_emi") Integer currentEmi,
        @JsonProperty("lead_date") LocalDate leadDate,
        String timezone,
        @JsonRawValue String custom,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
