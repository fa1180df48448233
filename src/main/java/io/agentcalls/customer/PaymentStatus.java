package io.agentcalls.customer;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Where a customer stands with the payment due, as the Initiate Call(s) contract names it. */
public enum PaymentStatus {
    /** Payment was attempted but failed. */
    BOUNCED,
    /** Payment is due but not yet initiated. */
    PENDING,
    /** The customer has made a partial payment. */
    PARTIAL,
    /** Payment has been completed. */
    PAID,
    /** Payment has been received and confirmed. */
    RECEIVED;

    /** Every status as stored and sent (lower case), in the contract's order. */
    public static final List<String> VALUES =
            Arrays.stream(values()).map(PaymentStatus::value).toList();

    /** The status as stored and sent. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status with this stored value; empty for null or anything else. */
    public static Optional<PaymentStatus> of(String value) {
        return Arrays.stream(values()).filter(s -> s.value().equals(value)).findFirst();
    }
}
