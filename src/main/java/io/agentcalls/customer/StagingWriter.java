package io.agentcalls.customer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Streams validated customers into the transaction's staging table with COPY, as they are read, so
 * an import never holds more than a buffer of rows. Closing before {@link #finish()} cancels the
 * COPY, which leaves the connection usable for the rollback.
 */
final class StagingWriter implements AutoCloseable {

    private static final String COPY = """
            COPY customer_staging (row_number, id, name, first_name, last_name, phone, language, payment_status,
                                   emi_amount, emi_due_date, loan_amount, loan_period, current_emi, lead_date,
                                   timezone, custom) FROM STDIN
            """;
    private static final int BUFFER_BYTES = 1 << 16;

    private final PGCopyOutputStream copy;
    private final Writer out;
    private final StringBuilder line = new StringBuilder(256);

    /** {@code connection} is the Spring-managed connection of the current transaction. */
    StagingWriter(Connection connection) {
        try {
            this.copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class), COPY, BUFFER_BYTES);
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Could not start COPY into the staging table", e);
        }
        this.out = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), BUFFER_BYTES);
    }

    void write(int row, CustomerData customer) {
        line.setLength(0);
        line.append(row).append('\t');
        column(customer.id());
        column(customer.name());
        column(customer.firstName());
        column(customer.lastName());
        column(customer.phone());
        column(customer.language());
        column(customer.paymentStatus());
        column(plain(customer.emiAmount()));
        column(customer.emiDueDate() == null ? null : customer.emiDueDate().toString());
        column(plain(customer.loanAmount()));
        column(customer.loanPeriod() == null ? null : customer.loanPeriod().toString());
        column(customer.currentEmi() == null ? null : customer.currentEmi().toString());
        column(customer.leadDate() == null ? null : customer.leadDate().toString());
        column(customer.timezone());
        CopyText.appendColumn(line, CopyText.json(customer.custom()));
        line.append('\n');
        try {
            out.append(line);
        } catch (IOException e) {
            throw new UncheckedIOException("COPY into the staging table failed", e);
        }
    }

    /** Ends the COPY; the rows are then visible to the transaction. */
    void finish() {
        try {
            out.flush();
            copy.endCopy();
        } catch (IOException | SQLException e) {
            throw new DataAccessResourceFailureException("COPY into the staging table failed", e);
        }
    }

    @Override
    public void close() {
        if (copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException e) {
                throw new DataAccessResourceFailureException("Could not cancel COPY", e);
            }
        }
    }

    private void column(String value) {
        CopyText.appendColumn(line, value);
        line.append('\t');
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }
}
