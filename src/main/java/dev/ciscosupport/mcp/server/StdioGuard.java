package dev.ciscosupport.mcp.server;

import dev.ciscosupport.mcp.json.Json;
import dev.ciscosupport.mcp.session.CancellableCalls;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stands between the process's stdin/stdout and the SDK's stdio transport, one JSON-RPC line at a time.
 * <ul>
 * <li>A line that is not a JSON-RPC message is answered here with a JSON-RPC error and never reaches the
 * SDK, whose reader stops for good at the first malformed line (the session would hang).</li>
 * <li>Output is written a whole line at a time, so the SDK's messages and ours never interleave.</li>
 * <li>Requests read and responses written are counted, so that when the client closes stdin the server
 * can wait until every request has been answered before it exits.</li>
 * </ul>
 * The same guard stands before either revision's transport. For a 2025-11-25 session it also answers {@code ping}
 * (the SDK would hold it until initialization) and acts on cancellations (the SDK ignores them); for the stateless
 * revision those reach the SDK, which answers {@code ping} as a removed method and leaves a cancelled request unanswered.
 */
final class StdioGuard {
    /** A longer line is refused rather than buffered: no MCP request to this server comes near it. */
    static final int MAX_LINE_BYTES = 4 * 1024 * 1024;

    private final CountDownLatch endOfInput = new CountDownLatch(1);
    private final CountDownLatch passEndOfInput = new CountDownLatch(1);
    private final Object counts = new Object();
    private final LineOutput output;
    private final Runnable onInitialized;
    /** Whether the client speaks the stateless revision (2026-07-28): no initialization, no ping, its own cancellation. */
    private final boolean stateless;
    /**
     * Whether the client sent notifications/initialized, or needs none (stateless); guarded by {@code counts}: the drain
     * reads it.
     */
    private boolean initialized;
    private boolean ranOnInitialized;
    private final CancellableCalls calls;
    private final OfferedTools offered;
    /** The message of the line being checked (the reader thread's only). */
    private JsonNode parsed;
    /** The IDs of requests read and not yet answered (or, on the stateless revision, cancelled: those get no answer). */
    private final Set<String> unanswered = new HashSet<>();
    /**
     * Requests read before {@code notifications/initialized} (other than initialize): the SDK holds them until it
     * arrives, so if input ends first they will never be answered and are not waited for.
     */
    private int held;

    StdioGuard(OutputStream stdout, Runnable onInitialized, CancellableCalls calls, OfferedTools offered, boolean stateless) {
        this.stateless = stateless;
        this.initialized = stateless;
        this.calls = calls;
        this.offered = offered;
        this.output = new LineOutput(stdout);
        this.onInitialized = onInitialized;
    }

    /** The stream the SDK writes its messages to. */
    OutputStream output() {
        return output;
    }

    /** The stream the SDK reads its messages from: only well-formed JSON-RPC lines pass. */
    InputStream input(InputStream stdin) {
        return new LineInput(new BufferedInputStream(stdin));
    }

    void awaitEndOfInput() throws InterruptedException {
        endOfInput.await();
    }

    /**
     * Lets the SDK see the end of input. Until then it is held back: the SDK drops messages it has read but
     * not yet handled when its input ends, so the end is passed on only once everything is answered.
     */
    void passEndOfInput() {
        passEndOfInput.countDown();
    }

    /** Blocks until every request read has been answered, or {@code limit} has passed; true when all were. */
    boolean awaitAnswered(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (counts) {
            while (unanswered.size() - (initialized ? 0 : held) > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(counts, left);
            }
            return true;
        }
    }

    private static final String CANCELLED = "notifications/cancelled";

    /**
     * A line checked: the answer to write here (an error, or a ping's result), or the line (perhaps with its ID added
     * to _meta) for the SDK, or neither when it was handled here.
     */
    private record Checked(ObjectNode answer, byte[] line) {
    }

    /** Checks a line; a tools/call gets its JSON-RPC ID in _meta (for cancellation), a cancellation is acted on. */
    private Checked check(byte[] line, boolean tooLong) {
        ObjectNode refusal = refusal(line, tooLong);
        if (refusal != null || parsed == null) {
            return new Checked(refusal, line);
        }
        JsonNode message = parsed;
        String method = message.path("method").asString("");
        calls.cancelIfAsked(CancellableCalls.STDIO, message);
        if (stateless) {
            if (method.equals(CANCELLED)) {
                // The stateless SDK stops the handler too, and answers a cancelled request with nothing.
                synchronized (counts) {
                    unanswered.remove(message.path("params").path("requestId").asString(""));
                    counts.notifyAll();
                }
            }
            return new Checked(null, line); // ping is a removed method there: the SDK says so
        }
        if (method.equals(CANCELLED)) {
            return new Checked(null, null); // acted on here; the SDK has no handler for it and would only warn
        }
        if (method.equals("ping") && message.hasNonNull("id")) {
            // MCP lets either side ping at any time, before initialization too; the SDK would hold a ping until
            // notifications/initialized, and a client that pings first waits for ever.
            synchronized (counts) {
                unanswered.remove(message.get("id").asString());
                if (!initialized) {
                    held--;
                }
            }
            return new Checked(JsonRpcShape.pong(message), null);
        }
        if (method.equals("tools/call") && message.hasNonNull("id") && message.path("params").isObject()) {
            ObjectNode params = (ObjectNode) message.path("params");
            JsonNode meta = params.path("_meta");
            ObjectNode withId = meta.isObject() ? (ObjectNode) meta : params.putObject("_meta");
            withId.put(CancellableCalls.REQUEST_ID_META, message.get("id").asString());
            return new Checked(null, Json.MAPPER.writeValueAsBytes(message));
        }
        return new Checked(null, line);
    }

    /** Null when the line may go to the SDK; otherwise the error to answer it with. Leaves the message in {@link #parsed}. */
    private ObjectNode refusal(byte[] line, boolean tooLong) {
        parsed = null;
        if (tooLong) {
            return error(null, McpSchema.ErrorCodes.INVALID_REQUEST, "Message too large: the limit is "
                    + MAX_LINE_BYTES / (1024 * 1024) + " MiB per line.");
        }
        JsonNode message;
        try {
            message = Json.MAPPER.readTree(line);
        } catch (RuntimeException e) {
            return error(null, McpSchema.ErrorCodes.PARSE_ERROR, "Parse error: each line must be one JSON-RPC message.");
        }
        JsonNode id = message == null ? null : message.get("id");
        boolean valid = message != null && message.isObject() && "2.0".equals(message.path("jsonrpc").asString(""))
                && (message.path("method").isString() || id != null && (message.has("result") || message.has("error")));
        if (!valid) {
            return error(id, McpSchema.ErrorCodes.INVALID_REQUEST,
                    "Invalid request: expected a JSON-RPC 2.0 message with a method (batches are not supported).");
        }
        String problem = JsonRpcShape.problem(message, !stateless);
        if (problem != null) {
            return error(id, McpSchema.ErrorCodes.INVALID_REQUEST, "Invalid JSON-RPC message: " + problem);
        }
        String unknown = stateless ? null : offered.problem(message);
        if (unknown != null) {
            return error(id, McpSchema.ErrorCodes.INVALID_PARAMS, unknown);
        }
        parsed = message;
        String method = message.path("method").asString("");
        synchronized (counts) {
            if (message.has("method") && id != null) {
                unanswered.add(id.asString());
                if (!initialized && !method.equals("initialize")) {
                    held++;
                }
            }
            if (!initialized && method.equals("notifications/initialized")) {
                initialized = true;
                held = 0;
            }
        }
        if ((stateless || method.equals("notifications/initialized")) && !ranOnInitialized) {
            ranOnInitialized = true;
            onInitialized.run();
        }
        return null;
    }

    private static ObjectNode error(JsonNode id, int code, String message) {
        ObjectNode error = Json.MAPPER.createObjectNode().put("jsonrpc", "2.0");
        if (id != null && (id.isString() || id.isNumber())) {
            error.set("id", id);
        } else {
            error.putNull("id");
        }
        error.putObject("error").put("code", code).put("message", message);
        return error;
    }

    private void answered(byte[] line) {
        try {
            JsonNode message = Json.MAPPER.readTree(line);
            if (message != null && !message.has("method") && message.has("id")) {
                synchronized (counts) {
                    unanswered.remove(message.get("id").asString());
                    counts.notifyAll();
                }
            }
        } catch (RuntimeException e) {
            // the SDK only writes JSON; nothing to count otherwise
        }
    }

    /** Hands the SDK one accepted line at a time; answers refused lines itself. */
    private final class LineInput extends InputStream {
        private final InputStream in;
        private byte[] current = new byte[0];
        private int position;
        private boolean ended;

        LineInput(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            if (!fill()) {
                return -1;
            }
            return current[position++] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, current.length - position);
            System.arraycopy(current, position, buffer, off, n);
            position += n;
            return n;
        }

        /** True when there are bytes to hand out; reads lines until one is accepted or input ends. */
        private boolean fill() throws IOException {
            while (position >= current.length) {
                if (ended) {
                    awaitPassEndOfInput();
                    return false;
                }
                ByteArrayOutputStream line = new ByteArrayOutputStream();
                boolean tooLong = false;
                int b;
                while ((b = in.read()) >= 0 && b != '\n') {
                    if (line.size() < MAX_LINE_BYTES) {
                        line.write(b);
                    } else {
                        tooLong = true;
                    }
                }
                if (b < 0) {
                    ended = true;
                    endOfInput.countDown();
                }
                byte[] bytes = line.toByteArray();
                if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
                    continue;
                }
                Checked checked = check(bytes, tooLong);
                if (checked.answer() != null) {
                    output.writeLine(Json.MAPPER.writeValueAsBytes(checked.answer()));
                    continue;
                }
                if (checked.line() == null) {
                    continue; // handled here, nothing for the SDK
                }
                bytes = checked.line();
                current = java.util.Arrays.copyOf(bytes, bytes.length + 1);
                current[bytes.length] = '\n';
                position = 0;
            }
            return true;
        }
    }

    private void awaitPassEndOfInput() throws IOException {
        try {
            passEndOfInput.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("stdin reader interrupted");
        }
    }

    /** Collects what the SDK writes into lines and writes each whole line, then flushes. */
    private final class LineOutput extends OutputStream {
        private final OutputStream out;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        LineOutput(OutputStream out) {
            this.out = out;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            if (b == '\n') {
                byte[] line = pending.toByteArray();
                pending.reset();
                writeLine(line);
                answered(line);
            } else {
                pending.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] buffer, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) {
                write(buffer[i]);
            }
        }

        synchronized void writeLine(byte[] line) throws IOException {
            out.write(line);
            out.write('\n');
            out.flush();
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }
}
