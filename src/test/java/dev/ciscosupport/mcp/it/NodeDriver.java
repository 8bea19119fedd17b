package dev.ciscosupport.mcp.it;

import dev.ciscosupport.mcp.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One {@code mcp-driver.mjs --serve} for the life of a test JVM: each scenario is a line to it, each report a line back,
 * matched by ID, so that scenarios may run side by side. Node and the TypeScript SDK load once instead of at every
 * scenario (~0.5 s of CPU each, over a hundred scenarios a suite). Every scenario still makes its own client and
 * transport; nothing of one reaches the next but the loaded modules and Node's pool of idle HTTP connections (a server
 * that is gone has closed its own). The stdio servers' stderr goes to the driver's, shown when it does not answer.
 */
final class NodeDriver {
    private static NodeDriver shared;

    private final Process process;
    private final Path stderr;
    private final OutputStream toDriver;
    private final Map<Long, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    private NodeDriver(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.toDriver = process.getOutputStream();
        Thread reader = new Thread(this::readReports, "node-driver-reports");
        reader.setDaemon(true);
        reader.start();
    }

    /** The running driver, started (again, if the last one ended) when needed. */
    static synchronized NodeDriver shared() throws IOException {
        if (shared == null || !shared.process.isAlive()) {
            Path stderr = Files.createTempFile("mcp-driver", ".err");
            stderr.toFile().deleteOnExit();
            Process process = new ProcessBuilder(List.of(NodeClient.node(), "mcp-driver.mjs", "--serve"))
                    .directory(NodeClient.clientsDir().toFile())
                    .redirectError(stderr.toFile())
                    .start();
            shared = new NodeDriver(process, stderr);
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "node-driver-stop"));
        }
        return shared;
    }

    /** Runs one scenario and returns its report; fails if there is none within {@code seconds}. */
    JsonNode run(ObjectNode scenario, long seconds) throws IOException, InterruptedException {
        long id = ids.incrementAndGet();
        CompletableFuture<JsonNode> report = new CompletableFuture<>();
        waiting.put(id, report);
        ObjectNode line = Json.MAPPER.createObjectNode().put("id", id);
        line.set("scenario", scenario);
        synchronized (toDriver) {
            toDriver.write((Json.MAPPER.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
            toDriver.flush();
        }
        try {
            return report.get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("the MCP client did not finish in " + seconds + " s (stderr: " + stderrTail() + ")");
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause().getMessage(), e.getCause());
        } finally {
            waiting.remove(id);
        }
    }

    private void readReports() {
        try (BufferedReader reports = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reports.readLine(); line != null; line = reports.readLine()) {
                JsonNode answer = Json.MAPPER.readTree(line);
                CompletableFuture<JsonNode> report = waiting.get(answer.path("id").asLong());
                if (report != null) {
                    report.complete(answer.path("report"));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the driver's output ended or was not JSON: what waits is told below
        }
        String ended = "the MCP client driver ended (stderr: " + stderrTail() + ")";
        waiting.values().forEach(report -> report.completeExceptionally(new IllegalStateException(ended)));
    }

    private String stderrTail() {
        try {
            String text = Files.readString(stderr);
            return text.length() > 4000 ? "..." + text.substring(text.length() - 4000) : text;
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        }
    }
}
