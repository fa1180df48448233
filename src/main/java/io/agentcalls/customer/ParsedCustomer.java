package io.agentcalls.customer;

import java.util.List;

/** One input customer after reading: its id when one could be read, and either its data or why not. */
record ParsedCustomer(String id, CustomerData data, String problem) {

    static ParsedCustomer of(String id, CustomerData data, List<String> problems) {
        return problems.isEmpty()
                ? new ParsedCustomer(id, data, null)
                : new ParsedCustomer(id, null, String.join("; ", problems));
    }

    boolean isValid() {
        return data != null;
    }
}
