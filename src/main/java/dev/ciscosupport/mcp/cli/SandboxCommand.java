package dev.ciscosupport.mcp.cli;

import dev.ciscosupport.mcp.sandbox.SandboxServer;
import java.time.InstantSource;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sandbox}: runs the Cisco sandbox on its own, for tests and benchmarks that point the server at it. */
@Command(name = "sandbox", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Run the embedded Cisco sandbox (token endpoint and Support APIs) on its own.")
final class SandboxCommand implements Callable<Integer> {
    @Option(names = "--port", description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port = 8089;

    @Option(names = "--host", description = "Address to bind (default: ${DEFAULT-VALUE}).")
    String host = "127.0.0.1";

    @Override
    public Integer call() throws InterruptedException {
        SandboxServer sandbox = SandboxServer.start(host, port, InstantSource.system());
        System.err.println("Cisco sandbox listening. Point the server at it with:");
        System.err.println("  CISCO_API_BASE_URL=" + sandbox.apiBaseUrl());
        System.err.println("  CISCO_TOKEN_URL=" + sandbox.tokenUrl());
        System.err.println("  CISCO_CLIENT_ID=" + SandboxServer.CLIENT_ID);
        System.err.println("  CISCO_CLIENT_SECRET=" + SandboxServer.CLIENT_SECRET);
        // Machine-readable line for scripts and tests that start it with port 0.
        System.out.println("SANDBOX_URL=" + sandbox.apiBaseUrl());
        System.out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }
}
