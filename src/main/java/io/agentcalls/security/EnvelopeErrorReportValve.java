package io.agentcalls.security;

import io.agentcalls.common.ErrorResponse;
import io.agentcalls.common.ErrorTypes;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat refuses some requests before any filter runs (a backslash or an encoded slash in the path,
 * a malformed request line); its own page for them is HTML. This valve writes the envelope instead,
 * so a client reads one error shape however early the refusal came. No detail of the request is
 * echoed back.
 */
final class EnvelopeErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String message = status >= 500
                ? ErrorResponse.INTERNAL_ERROR_MESSAGE
                : status == 404 ? "Not found" : status == 413 || status == 431 ? "Request too large" : "Bad request";
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                // constant words and messages, nothing of the request: no escaping needed
                writer.write("{\"success\":false,\"error\":\"" + ErrorTypes.of(status) + "\",\"message\":\"" + message
                        + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response is already on its way: nothing more to say
        }
    }
}
