package dev.ciscosupport.mcp.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The jar started in HTTP mode on a free loopback port, as a user starts it; stopped when closed. */
final class HttpServerProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("Listening on (https?://\\S+)");
    private final Process process;
    private final StringBuffer stderr = new StringBuffer();
    private final String url;

    HttpServerProcess(Map<String, String> env, String... args) throws IOException {
        // A free port unless the test names one (a restart that must come back on the same URL).
        boolean portGiven = java.util.Arrays.asList(args).contains("--port");
        String[] all = new String[args.length + (portGiven ? 1 : 3)];
        all[0] = "--http";
        if (!portGiven) {
            all[1] = "--port";
            all[2] = "0";
        }
        System.arraycopy(args, 0, all, portGiven ? 1 : 3, args.length);
        ProcessBuilder builder = new ProcessBuilder("true".equals(env.get("MCP_CONFORMANCE_FIXTURES"))
                ? McpJar.commandWithTestFixtures(all) : McpJar.command(all));
        McpJar.prepare(builder.environment(), env);
        process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<String> found = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    stderr.append(line).append('\n');
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        found.complete(m.group(1));
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
            found.complete(null);
        }, "server-stderr");
        reader.setDaemon(true);
        reader.start();
        try {
            url = found.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            close();
            throw new IllegalStateException("the server did not start: " + stderr, e);
        }
        if (url == null) {
            close();
            throw new IllegalStateException("the server did not start: " + stderr);
        }
    }

    long pid() {
        return process.pid();
    }

    String url() {
        return url;
    }

    String stderr() {
        return stderr.toString();
    }

    /** The server's stderr once it contains {@code text} (or after 10 s): it is read on another thread, a moment late. */
    String stderrOnceItHas(String text) throws InterruptedException {
        for (int i = 0; i < 200 && !stderr.toString().contains(text); i++) {
            Thread.sleep(50);
        }
        return stderr.toString();
    }

    /** Kills the process at once (SIGKILL): nothing it was doing is finished. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
    }

    /** Sends SIGTERM and waits up to {@code seconds} for the exit; the exit code, or -1 if it is still running. */
    int terminate(long seconds) throws InterruptedException {
        process.destroy();
        return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
