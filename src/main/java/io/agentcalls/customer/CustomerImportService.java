package io.agentcalls.customer;

import io.agentcalls.campaign.Campaign;
import io.agentcalls.customer.ImportResult.RowError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
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
 * Writes many customers at once, from a JSON array or a CSV stream, through one path: rows are
 * validated one by one (a bad row is rejected alone; its id by the campaign's type), good rows are
 * COPied into a staging table, then written set-based: upserted, or (Add Customers) inserted where the
 * id is new. All in one transaction: a file that breaks half-way writes nothing.
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

    /**
     * What a write came to, the rows the fields' rules refused ({@code invalid}, among the result's
     * rejected), and (when only new ids were written) the ids written, in row order.
     */
    record Written(ImportResult result, long invalid, List<String> addedIds) {}

    @Transactional
    ImportResult upsert(String organizationId, String campaignId, List<JsonNode> customers) {
        return write(organizationId, campaignId, customers, false, false).result();
    }

    /** Upserts records of the TimePay Agents API (Create Campaign's jsonData): extra fields are custom. */
    @Transactional
    ImportResult upsertDocumented(String organizationId, String campaignId, List<JsonNode> customers) {
        return write(organizationId, campaignId, customers, true, false).result();
    }

    /**
     * Adds records of the TimePay Agents API whose id the campaign does not have; an existing id is
     * that record's problem.
     */
    @Transactional
    Written add(String organizationId, String campaignId, List<JsonNode> customers) {
        return write(organizationId, campaignId, customers, true, true);
    }

    /** The campaign exists for the caller (404 otherwise); checked before an upload is read. */
    void requireCampaign(String organizationId, String campaignId) {
        campaigns.require(organizationId, campaignId);
    }

    /** Imports a CSV already spooled to disk, so the transaction reads a local file, never a socket. */
    @Transactional
    ImportResult importCsv(String organizationId, String campaignId, SpooledCsv csv) {
        Campaign campaign = campaigns.lockForWrite(organizationId, campaignId, true);
        try (InputStream in = csv.open()) {
            IdRule rule = IdRule.of(campaign.type());
            return write(organizationId, campaignId, false, CsvCustomers.open(in, rule)::forEach)
                    .result();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the spooled CSV", e);
        }
    }

    private Written write(
            String organizationId, String campaignId, List<JsonNode> customers, boolean documented, boolean addOnly) {
        Campaign campaign = campaigns.lockForWrite(organizationId, campaignId, true);
        IdRule rule = IdRule.of(campaign.type());
        return write(organizationId, campaignId, addOnly, sink -> {
            int row = 0;
            for (JsonNode customer : customers) {
                sink.accept(CustomerJson.read(customer, rule, documented), ++row);
            }
        });
    }

    private Written write(
            String organizationId,
            String campaignId,
            boolean addOnly,
            Consumer<ObjIntConsumer<ParsedCustomer>> customers) {
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
        long created;
        List<String> addedIds = List.of();
        long notWritten = duplicates.count();
        List<RowError> notWrittenRows = duplicates.first();
        if (addOnly) {
            StagingRepository.Inserted inserted = staging.insertNew(organizationId, campaignId);
            created = inserted.written().size();
            addedIds = inserted.written();
            notWritten += inserted.existing().size();
            List<RowError> rows = new ArrayList<>(duplicates.first());
            rows.addAll(inserted.existing());
            rows.sort(Comparator.comparingLong(RowError::row));
            notWrittenRows = rows;
        } else {
            created = staging.upsert(organizationId, campaignId);
        }
        long upserted = System.nanoTime();
        customFields.add(organizationId, campaignId, tally.customFieldNames());
        if (created < tally.valid()) {
            // an updated customer may have lost a custom field; a row not written may have been its only carrier
            customFields.pruneAll(organizationId, campaignId);
        }
        ImportResult result = tally.result(created, notWritten, notWrittenRows);
        log.info(
                "{} customers into {}: received {}, created {}, updated {}, rejected {};"
                        + " read and staged in {} ms, duplicates {} ms, write {} ms, custom fields {} ms",
                addOnly ? "Added" : "Upserted",
                campaignId,
                result.received(),
                result.created(),
                result.updated(),
                result.rejected(),
                millis(started, staged),
                millis(staged, deduplicated),
                millis(deduplicated, upserted),
                millis(upserted, System.nanoTime()));
        return new Written(result, tally.invalid(), addedIds);
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
