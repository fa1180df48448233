package io.agentcalls.customer;

import io.agentcalls.common.ApiException;
import io.agentcalls.common.ApiResponse;
import io.agentcalls.organization.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * CSV imports, as a {@code text/csv} body or a multipart field {@code file}. The upload is spooled to
 * a temporary file under the import caps first, and only then imported in a transaction: reading a
 * client's socket, however slow, never holds a database connection. Multipart bodies are parsed
 * only here, when the file is asked for (resolve-lazily), after authentication.
 */
@Tag(name = "Customer import")
@RestController
@RequestMapping("/api/v1/campaigns/{campaignId}/customers/import")
class CustomerImportController {

    private final CustomerImportService imports;
    private final CsvSpooler spooler;

    CustomerImportController(CustomerImportService imports, CsvSpooler spooler) {
        this.imports = imports;
        this.spooler = spooler;
    }

    @Operation(
            operationId = "importCustomersCsv",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = {
                                @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
                                @Content(
                                        mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                                        schema = @Schema(implementation = CustomerRequests.CsvUpload.class))
                            }),
            responses = {
                @io.swagger.v3.oas.annotations.responses.ApiResponse(
                        responseCode = "200",
                        description =
                                "What the import did: received, created, updated, rejected and each rejected row"),
                @io.swagger.v3.oas.annotations.responses.ApiResponse(
                        responseCode = "415",
                        description = "Neither a CSV body nor a multipart request",
                        ref = "#/components/responses/UnsupportedMediaType")
            },
            summary = "Import customers from CSV",
            description =
                    "A CSV body (`text/csv`) or a multipart field `file`. Standard columns match in any case; other columns are custom fields. Rejected rows are listed in `errors`.")
    @PostMapping(consumes = {"text/csv", "application/csv"})
    ApiResponse<ImportResult> importCsvBody(Caller caller, @PathVariable String campaignId, HttpServletRequest request)
            throws IOException {
        imports.requireCampaign(caller.organizationId(), campaignId); // a 404 before any byte is read
        spooler.refuseDeclaredLength(request.getContentLengthLong());
        return importSpooled(caller, campaignId, request.getInputStream());
    }

    @Operation(
            operationId = "importCustomersCsv",
            summary = "Import customers from CSV",
            description =
                    "A CSV body (`text/csv`) or a multipart field `file`. Standard columns match in any case; other columns are custom fields. Rejected rows are listed in `errors`.")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ApiResponse<ImportResult> importCsvFile(
            Caller caller, @PathVariable String campaignId, MultipartHttpServletRequest request) throws IOException {
        imports.requireCampaign(caller.organizationId(), campaignId);
        MultipartFile file;
        try {
            file = request.getFile("file"); // the container reads the body here, within its size caps
        } catch (MaxUploadSizeExceededException e) {
            throw spooler.tooLarge();
        }
        if (file == null) {
            throw ApiException.validation("file is required (a multipart field named file)");
        }
        return importSpooled(caller, campaignId, file.getInputStream());
    }

    private ApiResponse<ImportResult> importSpooled(Caller caller, String campaignId, InputStream upload)
            throws IOException {
        try (InputStream body = upload;
                SpooledCsv csv = spooler.spool(body)) {
            return ApiResponse.of(imports.importCsv(caller.organizationId(), campaignId, csv));
        }
    }
}
