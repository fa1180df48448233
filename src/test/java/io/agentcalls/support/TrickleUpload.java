package io.agentcalls.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP request over a raw socket whose body is sent in chunks as the test decides, so an upload
 * can be held open, trickled, finished or abandoned. The body goes chunked, as a client streaming a
 * file of unknown length sends it.
 */
public final class TrickleUpload implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;

    private TrickleUpload(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
    }

    /** Sends the request line and headers (plus any given as {@code "Name: value"}) and nothing of the body. */
    public static TrickleUpload start(int port, String method, String path, String... headers) throws IOException {
        Socket socket = new Socket("localhost", port);
        socket.setSoTimeout(30_000);
        TrickleUpload upload = new TrickleUpload(socket);
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        head.append("Transfer-Encoding: chunked\r\n\r\n");
        upload.out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        upload.out.flush();
        return upload;
    }

    public void send(String text) throws IOException {
        send(text.getBytes(StandardCharsets.UTF_8));
    }

    public void send(byte[] bytes) throws IOException {
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Whether the server has not answered yet: nothing to read and the connection still up. */
    public boolean isAwaitingAnswer() throws IOException {
        return !socket.isClosed() && socket.getInputStream().available() == 0;
    }

    /** Ends the body and reads the answer: its status line and body. */
    public String finish() throws IOException {
        out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return readAnswer();
    }

    /** The server's answer, read until it closes or a short pause. */
    public String readAnswer() throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder answer = new StringBuilder();
        byte[] buffer = new byte[8192];
        socket.setSoTimeout(10_000);
        int n = in.read(buffer);
        while (n > 0) {
            answer.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            socket.setSoTimeout(200);
            try {
                n = in.read(buffer);
            } catch (java.net.SocketTimeoutException pause) {
                break;
            }
        }
        return answer.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
