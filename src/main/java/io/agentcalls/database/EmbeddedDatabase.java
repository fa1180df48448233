package io.agentcalls.database;

/** The running embedded PostgreSQL as a client reaches it: user {@code postgres} with this password. */
record EmbeddedDatabase(int port, String password) {

    static final String USER = "postgres";

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    @Override
    public String toString() {
        return "EmbeddedDatabase[port=" + port + "]";
    }
}
