package io.agentcalls.customer;

/** Byte counts as people write them in settings: {@code 1 GB}, {@code 64 KB}, {@code 1500 bytes}. */
final class Sizes {

    private Sizes() {}

    static String describe(long bytes) {
        String[] units = {"GB", "MB", "KB"};
        long[] sizes = {1L << 30, 1L << 20, 1L << 10};
        for (int i = 0; i < units.length; i++) {
            if (bytes >= sizes[i] && bytes % sizes[i] == 0) {
                return bytes / sizes[i] + " " + units[i];
            }
        }
        return bytes + " bytes";
    }
}
