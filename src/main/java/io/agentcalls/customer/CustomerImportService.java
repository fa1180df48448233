package io.agentcalls.customer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ObjIntConsumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Upserts many customers at once, from a JSON array or a CSV stream, through one path: rows are
 * validated one by one (a bad row is rejected alone), good rows are COPied into a staging table,
 * then written set-based. All in one transaction: a file that breaks half-way writes nothing.
 */
@Service
class CustomerImportService {

    private static final Logger log = LoggerFactory.getLogger(CustomerImportService.class);

    private final DataSource dataSource;
    private final CampaignAccess campaigns;
    private final StagingRepository staging;
    private final CustomFieldRepository customFields;

    CustomerImportService(
            DataSource dataSource,
            CampaignAccess campaigns,
            StagingRepository staging,
            CustomFieldRepository customFields) {
        this.dataSource = dataSource;
        this.campaigns = campaigns;
        this.staging = staging;
        this.customFields = customFields;
    }

    @Transactional
    ImportResult upsert(String organizationId, String campaignId, List<JsonNode> customers) {
        campaigns.lockForWrite(organizationId, campaignId, true);
        return write(organizationId, campaignId, sink -> {
            int row = 0;
            for (JsonNode customer : customers) {
                sink.accept(CustomerJson.read(customer), ++row);
            }
        });
    }

    /** The campaign exists for the caller (404 otherwise); checked before an upload is read. */
    void requireCampaign(String organizationId, String campaignId) {
        campaigns.require(organizationId, campaignId);
    }

    /** Imports a CSV already spooled to disk, so the transaction reads a local file, never a socket. */
    @Transactional
    ImportResult importCsv(String organizationId, String campaignId, SpooledCsv csv) {
        campaigns.lockForWrite(organizationId, campaignId, true);
        try (InputStream in = csv.open()) {
            return write(organizationId, campaignId, CsvCustomers.open(in)::forEach);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the spooled CSV", e);
        }
    }

    private ImportResult write(
            String organizationId, String campaignId, Consumer<ObjIntConsumer<ParsedCustomer>> customers) {
        long started = System.nanoTime();
        staging.create();
        ImportTally tally = new ImportTally();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (StagingWriter writer = new StagingWriter(connection)) {
            customers.accept((customer, row) -> {
                if (customer.isValid()) {
                    writer.write(row, customer.data());
                    tally.valid(customer.data());
                } else {
                    tally.rejected(row, customer.id(), customer.problem());
                }
            });
            writer.finish();
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        long staged = System.nanoTime();
        StagingRepository.Duplicates duplicates = staging.removeDuplicates(ImportTally.MAX_LISTED_ERRORS);
        long deduplicated = System.nanoTime();
        long created = staging.upsert(organizationId, campaignId);
        long upserted = System.nanoTime();
        customFields.add(organizationId, campaignId, tally.customFieldNames());
        if (created < tally.valid() - duplicates.count() || duplicates.count() > 0) {
            // an updated customer may have lost a custom field, a duplicate may have been its only carrier
            customFields.pruneAll(organizationId, campaignId);
        }
        ImportResult result = tally.result(created, duplicates.count(), duplicates.first());
        log.info(
                "Upserted customers into {}: received {}, created {}, updated {}, rejected {};"
                        + " read and staged in {} ms, duplicates {} ms, upsert {} ms, custom fields {} ms",
                campaignId,
                result.received(),
                result.created(),
                result.updated(),
                result.rejected(),
                millis(started, staged),
                millis(staged, deduplicated),
                millis(deduplicated, upserted),
                millis(upserted, System.nanoTime()));
        return result;
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
