package dev.ciscosupport.mcp.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** Sends bytes no well-behaved HTTP client would (non-ASCII or huge headers) and reads the status line. */
final class RawHttp {
    private RawHttp() {
    }

    static int status(URI url, String headerLines, String body) throws IOException {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        return status(url, headerLines, content.length, content);
    }

    /** The status of a request that declares {@code declaredLength} bytes of body and sends only {@code content}. */
    static int status(URI url, String headerLines, long declaredLength, byte[] content) throws IOException {
        try (Socket socket = new Socket(url.getHost(), url.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + url.getRawPath() + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort() + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(headerLines.getBytes(StandardCharsets.UTF_8));
            out.write(("Content-Type: application/json\r\nAccept: application/json, text/event-stream\r\nContent-Length: "
                    + declaredLength + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                line.write(b);
            }
            String status = line.toString(StandardCharsets.ISO_8859_1);
            return Integer.parseInt(status.split(" ")[1]);
        }
    }
}
