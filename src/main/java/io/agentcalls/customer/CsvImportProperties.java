package io.agentcalls.customer;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code agentcalls.imports.*}: the caps of one CSV import, checked while the upload is spooled to a
 * temporary file, before any database connection is taken. A cap exceeded is a 400 naming it.
 *
 * @param maxBytes the whole CSV (a multipart request as a whole is held to the same size); about
 *     seven million rows of the usual loan columns
 * @param maxRows data rows, the header not counted
 * @param maxFieldBytes one value, in UTF-8 bytes: far above any real field, low enough that one
 *     record never costs much memory
 * @param maxColumns values in one row: the standard fields, 100 custom fields and room to spare
 * @param maxConcurrent imports spooling or running on this node at once; one more answers 503 with
 *     Retry-After. Bounds the disk ({@code maxConcurrent × maxBytes}) and the request threads held
 * @param maxDuration from the first byte to the last; ends an upload that trickles forever
 * @param spoolDirectory where uploads are spooled (files of mode 0600, deleted after each import);
 *     the system's temporary directory when unset
 */
@ConfigurationProperties("agentcalls.imports")
record CsvImportProperties(
        @DefaultValue("1GB") DataSize maxBytes,
        @DefaultValue("5000000") long maxRows,
        @DefaultValue("64KB") DataSize maxFieldBytes,
        @DefaultValue("200") int maxColumns,
        @DefaultValue("32") int maxConcurrent,
        @DefaultValue("1h") Duration maxDuration,
        Path spoolDirectory) {

    CsvImportProperties {
        require(maxBytes.toBytes() > 0, "max-bytes must be positive");
        require(maxRows > 0, "max-rows must be positive");
        require(
                maxFieldBytes.toBytes() > 0 && maxFieldBytes.toBytes() <= maxBytes.toBytes(),
                "max-field-bytes must be positive and at most max-bytes");
        require(maxColumns > 0, "max-columns must be positive");
        require(maxConcurrent > 0, "max-concurrent must be positive");
        require(!maxDuration.isNegative() && !maxDuration.isZero(), "max-duration must be positive");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("agentcalls.imports." + message);
        }
    }
}
