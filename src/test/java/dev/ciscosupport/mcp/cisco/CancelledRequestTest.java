package dev.ciscosupport.mcp.cisco;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.cisco.call.CallContext;
import dev.ciscosupport.mcp.cisco.call.CiscoException;
import dev.ciscosupport.mcp.cisco.resilience.TimeSource;
import dev.ciscosupport.mcp.config.SupportApi;
import dev.ciscosupport.mcp.sandbox.SandboxServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A call cancelled while Cisco has not answered aborts its request: the connection to Cisco is closed (Cisco sees it
 * end), the call ends as cancelled, and the thread that waited carries no interrupt into its next work. Cisco here is a
 * socket that reads the request and never answers, so nothing depends on timing.
 */
class CancelledRequestTest {
    @Test
    void cancellingAWaitingCallClosesItsConnectionAndLeavesTheThreadClean() throws Exception {
        try (SandboxServer tokens = SandboxServer.startOnLoopback();
                ServerSocket cisco = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            CiscoHttp http = new CiscoHttp(Duration.ofSeconds(5));
            CiscoGateway gateway = new CiscoGateway(http,
                    URI.create("http://127.0.0.1:" + cisco.getLocalPort()),
                    new CiscoTokenSource(http, tokens.tokenUrl(), SandboxServer.CLIENT_ID, SandboxServer.CLIENT_SECRET,
                            InstantSource.system(), Duration.ofSeconds(5)),
                    Optional.empty(), TestCisco.plain(), TimeSource.SYSTEM);
            CallContext call = new CallContext("test", CallContext.Listener.NONE);
            CompletableFuture<String> outcome = CompletableFuture.supplyAsync(() -> {
                try {
                    gateway.get(call, SupportApi.BUG, "/bug/v2.0/bugs/bug_ids/CSCvx12345", Map.of());
                    return "answered";
                } catch (CiscoException.Cancelled e) {
                    return "cancelled, thread interrupted: " + Thread.currentThread().isInterrupted();
                }
            });
            try (Socket connection = cisco.accept()) {
                connection.setSoTimeout(10_000);
                InputStream request = connection.getInputStream();
                assertThat(request.read(new byte[8192])).as("the request arrived").isPositive();

                call.cancel();

                assertThat(outcome.get(10, TimeUnit.SECONDS)).isEqualTo("cancelled, thread interrupted: false");
                assertThat(request.read(new byte[8192])).as("the connection was closed").isEqualTo(-1);
            }
        }
    }
}
