package dev.ciscosupport.mcp.server;

import dev.ciscosupport.mcp.cisco.Json;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * Watches the newline-delimited JSON-RPC of the stdio transport: counts requests read and responses
 * written, and notices the end of input. When a client closes stdin right after its last request,
 * the server waits until every request it read has been answered before it exits (the SDK alone would
 * keep running after EOF, or, stopped at once, drop the answer in flight).
 */
final class JsonRpcTraffic {
    private final CountDownLatch endOfInput = new CountDownLatch(1);
    private final Object lock = new Object();
    private int unanswered;

    InputStream watchInput(InputStream in) {
        return new FilterInputStream(in) {
            private final LineSplitter lines = new LineSplitter(JsonRpcTraffic.this::inputLine);

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b < 0) {
                    endOfInput.countDown();
                } else {
                    lines.accept(new byte[] {(byte) b}, 0, 1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int off, int len) throws IOException {
                int n = super.read(buffer, off, len);
                if (n < 0) {
                    endOfInput.countDown();
                } else {
                    lines.accept(buffer, off, n);
                }
                return n;
            }
        };
    }

    OutputStream watchOutput(OutputStream out) {
        return new FilterOutputStream(out) {
            private final LineSplitter lines = new LineSplitter(JsonRpcTraffic.this::outputLine);

            @Override
            public void write(int b) throws IOException {
                out.write(b);
                lines.accept(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] buffer, int off, int len) throws IOException {
                out.write(buffer, off, len);
                lines.accept(buffer, off, len);
            }
        };
    }

    /** Blocks until stdin has ended. */
    void awaitEndOfInput() throws InterruptedException {
        endOfInput.await();
    }

    /** Blocks until every request read has been answered, or {@code limit} has passed; true when all were. */
    boolean awaitAnswered(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (lock) {
            while (unanswered > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return true;
        }
    }

    private void inputLine(String line) {
        JsonNode message = parse(line);
        if (message != null && message.has("method") && message.has("id")) {
            synchronized (lock) {
                unanswered++;
            }
        }
    }

    private void outputLine(String line) {
        JsonNode message = parse(line);
        if (message != null && !message.has("method") && message.has("id")) {
            synchronized (lock) {
                unanswered = Math.max(0, unanswered - 1);
                lock.notifyAll();
            }
        }
    }

    private static JsonNode parse(String line) {
        try {
            return Json.MAPPER.readTree(line);
        } catch (RuntimeException e) {
            return null; // not JSON: the transport answers it with a parse error of its own
        }
    }

    /** Collects bytes into lines and hands each complete line on. */
    private static final class LineSplitter {
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private final java.util.function.Consumer<String> onLine;

        LineSplitter(java.util.function.Consumer<String> onLine) {
            this.onLine = onLine;
        }

        synchronized void accept(byte[] bytes, int off, int len) {
            for (int i = off; i < off + len; i++) {
                if (bytes[i] == '\n') {
                    String line = pending.toString(StandardCharsets.UTF_8).strip();
                    pending.reset();
                    if (!line.isEmpty()) {
                        onLine.accept(line);
                    }
                } else {
                    pending.write(bytes[i]);
                }
            }
        }
    }
}
