package dev.ciscosupport.mcp.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server from the machine's packages (Redis, HAProxy) run for a test on loopback: started, awaited on its port, and
 * stopped (or killed) when the test says or closes it. A missing program fails the test with what to install: CI
 * installs them (.ci/run), and a test that needs one never skips.
 */
final class LocalProcess implements AutoCloseable {
    private final List<String> command;
    private final Map<String, String> env;
    private final int port;
    private final Path log;
    private Process process;

    LocalProcess(List<String> command, Map<String, String> env, int port, Path log) throws IOException {
        this.command = command;
        this.env = env;
        this.port = port;
        this.log = log;
        start();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Starts (again, on the same port) and waits until the port takes connections. */
    void start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError(command.get(0) + " is needed by this test and could not be started ("
                    + e.getMessage() + "); install it (Debian: apt-get install redis-server haproxy), as .ci/run does", e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new AssertionError(command.get(0) + " stopped at start; its output is in " + log);
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
        }
        throw new AssertionError(command.get(0) + " did not listen on port " + port + " within 20 s");
    }

    int port() {
        return port;
    }

    /** Stops it (SIGTERM, then SIGKILL after 10 s) and waits. */
    void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
