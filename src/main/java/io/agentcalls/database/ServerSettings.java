package io.agentcalls.database;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The embedded PostgreSQL's settings, given on its command line so they win over the data folder's
 * configuration files (and over {@code ALTER SYSTEM}).
 */
final class ServerSettings {

    private ServerSettings() {}

    static Map<String, String> of(boolean durable) {
        Map<String, String> settings = new LinkedHashMap<>();
        // private: loopback TCP only (pg_hba.conf then asks for the password), and no Unix socket,
        // whose file in /tmp any local user could open
        settings.put("listen_addresses", "127.0.0.1");
        settings.put("unix_socket_directories", "");
        // zonky's defaults (fsync and synchronous_commit off) suit throwaway test databases, not a
        // service's only copy of its data; "durable" puts PostgreSQL's own defaults back
        String onOrOff = durable ? "on" : "off";
        settings.put("fsync", onOrOff);
        settings.put("synchronous_commit", onOrOff);
        settings.put("full_page_writes", onOrOff);
        // errors reach the service's log (zonky forwards the server's output) without row contents:
        // no DETAIL (a unique violation's "Key (phone)=(+91...)"), no failing statement, no parameters
        settings.put("log_error_verbosity", "terse");
        settings.put("log_min_error_statement", "panic");
        settings.put("log_statement", "none");
        settings.put("log_parameter_max_length", "0");
        settings.put("log_parameter_max_length_on_error", "0");
        settings.put("max_connections", "200");
        settings.put("max_wal_size", "4GB");
        settings.put("shared_buffers", "256MB");
        return settings;
    }
}
