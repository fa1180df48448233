package io.agentcalls.webhook;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.NoHttpResponseException;

/**
 * Why an attempt got no response, as the delivery log shows it. Only these fixed words are
 * recorded, never an exception's text: that text can carry addresses of this server's network
 * and other internals an API caller has no business seeing.
 */
enum FailureCategory {
    CONNECTION_REFUSED("connection refused"),
    HOST_UNREACHABLE("host unreachable"),
    TIMEOUT("timeout"),
    DNS_FAILURE("DNS failure"),
    TLS_FAILURE("TLS failure"),
    CONNECTION_RESET("connection reset"),
    NO_RESPONSE("connection closed without a response"),
    INVALID_RESPONSE("invalid HTTP response"),
    ADDRESS_NOT_ALLOWED("address not allowed"),
    PORT_NOT_ALLOWED("port not allowed"),
    URL_NOT_ALLOWED("URL not allowed"),
    INTERRUPTED("interrupted: the server was shutting down"),
    NETWORK_ERROR("network error");

    private final String label;

    FailureCategory(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** The category of what the HTTP client threw; the first cause that says more wins. */
    static FailureCategory of(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            FailureCategory category = direct(cause);
            if (category != null) {
                return category;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return NETWORK_ERROR;
    }

    private static FailureCategory direct(Throwable error) {
        if (error instanceof UnknownHostException) {
            return DNS_FAILURE;
        }
        if (error instanceof SSLException) {
            return TLS_FAILURE;
        }
        if (error instanceof NoRouteToHostException) {
            return HOST_UNREACHABLE;
        }
        if (error instanceof ConnectException) {
            // the JDK reports an unreachable network as a ConnectException too
            return message(error).contains("unreachable") ? HOST_UNREACHABLE : CONNECTION_REFUSED;
        }
        if (error instanceof SocketTimeoutException) {
            return TIMEOUT; // includes HttpClient's ConnectTimeoutException
        }
        if (error instanceof NoHttpResponseException) {
            return NO_RESPONSE;
        }
        if (error instanceof ConnectionClosedException) {
            return NO_RESPONSE; // closed in the middle of the response
        }
        if (error instanceof HttpException) {
            return INVALID_RESPONSE; // a status line, header or chunk that is not HTTP
        }
        if (error instanceof SocketException) {
            String message = message(error);
            if (message.contains("reset") || message.contains("broken pipe")) {
                return CONNECTION_RESET;
            }
        }
        if (error instanceof InterruptedIOException) {
            return null; // an abort: look at its cause, else a network error
        }
        return null;
    }

    private static String message(Throwable error) {
        return error.getMessage() == null ? "" : error.getMessage().toLowerCase(Locale.ROOT);
    }
}
