package io.agentcalls.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * CSV uploads that the import must refuse as a whole (so nothing of them is written): each is a few
 * plausible rows, good and bad, plus one defect of the file itself.
 */
public final class MalformedCsv {

    private static final String[] HEADERS = {
        "id,name,phone,payment_status,emi_amount,branch", "loan_id,phone,language", "lead_id,phone,emi_due_date,segment"
    };
    private static final String[] BAD_HEADERS = {
        "name,phone\n",
        "id,name\n",
        "id,loan_id,phone\n",
        "id,phone,phone\n",
        "id,phone,,x\n",
        "id,phone,Branch Name\n",
        "id,phone,custom\n",
        "{\"customers\":[]}\n",
        "id,phone,\"unclosed\n"
    };

    private final Random random;

    public MalformedCsv(Random random) {
        this.random = random;
    }

    /** A CSV that is refused whole, and what is wrong with it. */
    public byte[] refused() {
        String header = HEADERS[random.nextInt(HEADERS.length)];
        StringBuilder csv = new StringBuilder(header).append('\n');
        int rows = random.nextInt(6);
        for (int i = 0; i < rows; i++) {
            csv.append(row(header, i)).append('\n');
        }
        String good = csv.toString();
        return switch (random.nextInt(9)) {
            case 0 -> utf8(good + "Z-1,\"9812345678\n" + row(header, 99) + "\n"); // a quote never closed
            case 1 -> utf8(good + "Z-2,\"98\"12,x\n"); // a closing quote followed by text
            case 2 -> utf8(good + "Z-3,Ra\0o," + phone() + "\n"); // NUL in a cell
            case 3 -> withBytes(good + "Z-4,", new byte[] {(byte) 0xC3, (byte) 0x28}, "," + phone() + "\n");
            case 4 -> utf8(BAD_HEADERS[random.nextInt(BAD_HEADERS.length)] + "A,9812345678\n");
            case 5 -> utf8(good + "Z-5," + phone() + "," + "x".repeat(64 * 1024 + 1 + random.nextInt(100)) + "\n");
            case 6 -> utf8(good + "Z-6," + phone() + ",x".repeat(200 + random.nextInt(50)) + "\n");
            case 7 -> new byte[0]; // no header row
            default -> utf8(good.replace('\n', '\0'));
        };
    }

    private String row(String header, int i) {
        int columns = header.split(",").length;
        StringBuilder row = new StringBuilder("F-" + random.nextInt(1_000_000) + "-" + i);
        row.append(',').append(phone());
        for (int c = 2; c < columns; c++) {
            row.append(',').append(random.nextBoolean() ? "x" + c : "\"quoted, " + c + "\"");
        }
        return row.toString();
    }

    private String phone() {
        return "98" + (10_000_000 + random.nextInt(89_999_999));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] withBytes(String before, byte[] raw, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8(before));
        out.writeBytes(raw);
        out.writeBytes(utf8(after));
        return out.toByteArray();
    }
}
