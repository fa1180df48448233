package io.agentcalls.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class CustomerImportApiTest extends CustomerApiTestBase {

    @Autowired
    CustomerService customerService;

    private static final String HEADER =
            "loan_id,name,phone,language,payment_status,emi_amount,emi_due_date,loan_amount,branch,segment\n";

    @Test
    void importsACsvBodyWithCustomColumnsAndQuotedValues() {
        String key = newOrganization();
        String campaign = newCampaign(key);
        String csv = "\uFEFF" + HEADER.replace("\n", "\r\n")
                + "L-1,\"Rao, Asha\",9812345678,Hindi,bounced,4500.5,2026-12-05,250000,mumbai,\r\n"
                + "L-2,\"Line one\nline \"\"two\"\"\",+14155550123,,,,,,, gold \r\n"
                + "\r\n";

        Response response = importCsv(key, campaign, csv);

        assertThat(response.raw())
                .isEqualTo("{\"success\":true,\"data\":{\"received\":2,\"created\":2,\"updated\":0,\"rejected\":0,"
                        + "\"errors\":[]}}");
        JsonNode first = get(customersPath(campaign) + "/L-1", key).body().at("/data");
        assertThat(first.at("/name").asString()).isEqualTo("Rao, Asha");
        assertThat(first.at("/phone").asString()).isEqualTo("+919812345678");
        assertThat(first.at("/language").asString()).isEqualTo("hindi");
        assertThat(first.at("/emi_due_date").asString()).isEqualTo("2026-12-05");
        assertThat(first.at("/custom").toString())
                .as("an empty cell is no value")
                .isEqualTo("{\"branch\":\"mumbai\"}");
        JsonNode second = get(customersPath(campaign) + "/L-2", key).body().at("/data");
        assertThat(second.at("/name").asString()).isEqualTo("Line one\nline \"two\"");
        assertThat(second.at("/language").isNull()).isTrue();
        assertThat(second.at("/custom").toString()).isEqualTo("{\"segment\":\"gold\"}");
        assertThat(customerService.customFieldNames(organizationOf(key), campaign))
                .containsExactly("branch", "segment");
    }

    @Test
    void importsAMultipartFile() {
        String key = newOrganization();
        String campaign = newCampaign(key);

        Response response = importMultipart(key, campaign, "file", "lead_id,phone\nLD-1,9812345678\nLD-2,98\n");

        assertThat(counts(response)).isEqualTo("2/1/0/1");
        assertThat(rowErrors(response)).containsExactly("2|LD-2|phone is not a valid number");
        assertValidationFailed(
                importMultipart(key, campaign, "upload", "id,phone\nX,9812345678\n"),
                "file is required (a multipart field named file)");
    }

    @Test
    void badRowsAreRejectedAloneWithTheirDataRowNumber() {
        String key = newOrganization();
        String campaign = newCampaign(key);
        String csv = HEADER
                + "OK-1,A,9812345678,,,,,,,\n"
                + "P,A,12345,,,,,,,\n"
                + "D,A,9812345678,,,,2025-02-30,,,\n"
                + "M,A,9812345678,,,10.555,,-5,,\n"
                + "S,A,9812345678,,overdue,,,,,\n"
                + ",A,9812345678,,,,,,,\n"
                + "SHORT,A,9812345678\n"
                + "OK-2,A,09812345679,,paid,1.5,2026-01-31,99.99,,\n";

        Response response = importCsv(key, campaign, csv);

        assertThat(counts(response)).isEqualTo("8/2/0/6");
        assertThat(rowErrors(response))
                .containsExactly(
                        "2|P|phone is not a valid number",
                        "3|D|emi_due_date must be a real date YYYY-MM-DD",
                        "4|M|emi_amount must be a number from 0 to 999999999999.99 with at most two decimals; "
                                + "loan_amount must be a number from 0 to 999999999999.99 with at most two decimals",
                        "5|S|payment_status must be one of bounced, pending, partial, paid, received",
                        "6|-|id is required (id, loan_id or lead_id)",
                        "7|SHORT|row has 3 values but the header has 10 columns");
        assertThat(customerCount(campaign)).isEqualTo(2);
    }

    @Test
    void laterDuplicatesInOneFileAreRejected() {
        String key = newOrganization();
        String campaign = newCampaign(key);

        Response response = importCsv(
                key, campaign, "id,name,phone\nA,first,9812345678\nB,,9812345678\nA,second,9812345678\nA,third,x\n");

        assertThat(counts(response)).isEqualTo("4/2/0/2");
        assertThat(rowErrors(response))
                .containsExactly("3|A|duplicate id in this request", "4|A|phone is not a valid number");
        assertThat(get(customersPath(campaign) + "/A", key)
                        .body()
                        .at("/data/name")
                        .asString())
                .isEqualTo("first");
    }

    @Test
    void aNulInAnyCellRefusesTheFileNamingItsColumnAndLine() {
        String key = newOrganization();
        String campaign = newCampaign(key);
        importCsv(key, campaign, "id,phone\nKEEP,9812345678\n");

        assertValidationFailed(
                importCsv(key, campaign, "\uFEFFid,name,phone,branch\nA,Asha,9812345678,x\nB,Ra\0o,9812345679,y\n"),
                "CSV column 'name' must not contain NUL characters (line 3)");
        assertValidationFailed(
                importCsv(key, campaign, "id,phone,branch\nA,9812345678,\"mum\0bai\"\n"),
                "CSV column 'branch' must not contain NUL characters (line 2)");
        assertValidationFailed(
                importCsv(key, campaign, "id,phone\nA\0,9812345678\n"),
                "CSV column 'id' must not contain NUL characters (line 2)");

        assertThat(customerCount(campaign)).isEqualTo(1);
    }

    @Test
    void anOverflowingNumberInACellIsOnlyABadAmountOfItsRow() {
        String key = newOrganization();
        String campaign = newCampaign(key);

        Response response = importCsv(
                key,
                campaign,
                "id,phone,emi_amount,loan_amount,score\nA,9812345678,1e400,-1e400,1e999999999\nB,9812345679,,,1e400\n");

        assertThat(counts(response)).isEqualTo("2/1/0/1");
        assertThat(rowErrors(response))
                .containsExactly("1|A|emi_amount must be a number from 0 to 999999999999.99 with at most two decimals; "
                        + "loan_amount must be a number from 0 to 999999999999.99 with at most two decimals");
        assertThat(get(customersPath(campaign) + "/B", key)
                        .body()
                        .at("/data/custom/score")
                        .asString())
                .as("a custom cell is text")
                .isEqualTo("1e400");
    }

    @Test
    void aFileThatCannotBeParsedWritesNothingAndNamesTheLine() {
        String key = newOrganization();
        String campaign = newCampaign(key);
        importCsv(key, campaign, "id,phone\nKEEP,9812345678\n");

        assertValidationFailed(
                importCsv(key, campaign, "id,phone\nA,9812345678\nB,\"9812345679\nC,9812345670\n"),
                "CSV cannot be parsed at line 3: a quoted value is not closed");
        assertValidationFailed(
                importCsv(key, campaign, "id,phone\nA,9812345678\nB,\"98123\"45679\n"),
                "CSV cannot be parsed at line 3: a closing quote is followed by more text");
        byte[] latin1 = "id,name,phone\nA,Jos\u00e9,9812345678\n".getBytes(StandardCharsets.ISO_8859_1);
        assertValidationFailed(importCsvBytes(key, campaign, latin1), "CSV is not valid UTF-8 at line 2");

        assertThat(customerCount(campaign)).isEqualTo(1);
        assertThat(get(customersPath(campaign) + "/A", key).status()).isEqualTo(404);
    }

    @Test
    void aHeaderThatCannotWorkIsRefusedAsAWhole() {
        String key = newOrganization();
        String campaign = newCampaign(key);

        assertValidationFailed(
                importCsv(key, campaign, "customer,phone\nA,9812345678\n"),
                "CSV has no id column (id, loan_id or lead_id)");
        assertValidationFailed(importCsv(key, campaign, ""), "CSV has no header row");
        assertValidationFailed(
                importCsv(key, campaign, "id,loan_id,phone\n"),
                "CSV has more than one id column (id, loan_id or lead_id)");
        assertValidationFailed(importCsv(key, campaign, "id,name\nA,x\n"), "CSV has no phone column");
        assertValidationFailed(
                importCsv(key, campaign, "id,Phone,phone,,Branch Name\n"),
                "CSV header has the column 'phone' more than once",
                "CSV header column 4 has no name",
                "CSV header: custom field name 'Branch Name' must be letters, digits and underscores, not starting"
                        + " with a digit, at most 64 characters");
        assertValidationFailed(
                importCsv(key, campaign, "id,phone,custom\n"), "CSV header: custom field name 'custom' is reserved");
        assertThat(customerCount(campaign)).isZero();

        Response wrongType = send("POST", customersPath(campaign) + "/import", key, "text/plain", "id,phone\n");
        assertThat(wrongType.status()).isEqualTo(415);
    }

    @Test
    void importsTwentyThousandRowsThroughCopyAndUpdatesThemOnReimport() {
        String key = newOrganization();
        String campaign = newCampaign(key);
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 20_000; i++) {
            csv.append("LN")
                    .append(i)
                    .append(",Customer ")
                    .append(i)
                    .append(",98")
                    .append(String.format("%08d", i))
                    .append(",hindi,pending,")
                    .append(1000 + i % 500)
                    .append(".25,2026-12-")
                    .append(String.format("%02d", 1 + i % 28))
                    .append(",50000,")
                    .append(i % 2 == 0 ? "mumbai" : "pune")
                    .append(",s")
                    .append(i % 3)
                    .append('\n');
        }

        assertThat(counts(importCsv(key, campaign, csv.toString()))).isEqualTo("20000/20000/0/0");
        assertThat(customerCount(campaign)).isEqualTo(20_000);
        JsonNode customer =
                get(customersPath(campaign) + "/LN19999", key).body().at("/data");
        assertThat(customer.at("/phone").asString()).isEqualTo("+919800019999");
        assertThat(customer.at("/custom").toString()).isEqualTo("{\"branch\":\"pune\",\"segment\":\"s1\"}");

        String changed = csv.toString().replace(",pending,", ",paid,");
        assertThat(counts(importCsv(key, campaign, changed))).isEqualTo("20000/0/20000/0");
        assertThat(get(customersPath(campaign) + "?payment_status=paid&limit=1", key)
                        .body()
                        .at("/data")
                        .size())
                .isEqualTo(1);
        assertThat(get(customersPath(campaign) + "?payment_status=pending", key)
                        .body()
                        .at("/data")
                        .size())
                .isZero();
    }

    private static String organizationOf(String key) {
        return "org_" + key.substring(3, 35);
    }
}
