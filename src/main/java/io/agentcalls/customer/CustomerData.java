package io.agentcalls.customer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * One customer's fields after validation, as they are written. Custom values are String, Boolean or
 * BigDecimal: JSON keeps the scalar type it was given, CSV gives strings.
 */
record CustomerData(
        String id,
        String name,
        String firstName,
        String lastName,
        String phone,
        String language,
        String paymentStatus,
        BigDecimal emiAmount,
        LocalDate emiDueDate,
        BigDecimal loanAmount,
        Integer loanPeriod,
        Integer currentEmi,
        LocalDate leadDate,
        String timezone,
        Map<String, Object> custom) {}
