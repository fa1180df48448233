package io.agentcalls.customer;

import io.agentcalls.common.ApiException;
import io.agentcalls.common.ApiResponse;
import io.agentcalls.organization.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * CSV imports, as a {@code text/csv} body or a multipart field {@code file}. The body is handed on as
 * a stream: a raw body is read straight from the socket, a multipart file from the temporary file
 * the servlet container spooled it to. Neither is ever held whole in memory.
 */
@RestController
@RequestMapping("/api/v1/campaigns/{campaignId}/customers/import")
class CustomerImportController {

    private final CustomerImportService imports;

    CustomerImportController(CustomerImportService imports) {
        this.imports = imports;
    }

    @PostMapping(consumes = {"text/csv", "application/csv"})
    ApiResponse<ImportResult> importCsvBody(Caller caller, @PathVariable String campaignId, HttpServletRequest request)
            throws IOException {
        try (InputStream body = request.getInputStream()) {
            return ApiResponse.of(imports.importCsv(caller.organizationId(), campaignId, body));
        }
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ApiResponse<ImportResult> importCsvFile(
            Caller caller, @PathVariable String campaignId, MultipartHttpServletRequest request) throws IOException {
        MultipartFile file = request.getFile("file");
        if (file == null) {
            throw ApiException.validation("file is required (a multipart field named file)");
        }
        try (InputStream body = file.getInputStream()) {
            return ApiResponse.of(imports.importCsv(caller.organizationId(), campaignId, body));
        }
    }
}
