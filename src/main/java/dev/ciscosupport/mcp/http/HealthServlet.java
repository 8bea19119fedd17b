package dev.ciscosupport.mcp.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/**
 * Health for load balancers and orchestrators, without a token and saying nothing more than this: {@code GET /health}
 * is readiness (200, or 503 as soon as a shutdown starts draining, so a balancer stops sending new sessions here while
 * the calls in flight are answered), {@code GET /health/live} is liveness (200 while the process serves HTTP at all).
 */
final class HealthServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String READY = "/health";
    static final String LIVE = "/health/live";

    private final transient BooleanSupplier draining;

    HealthServlet(BooleanSupplier draining) {
        this.draining = draining;
    }

    static boolean isHealth(String path) {
        return READY.equals(path) || LIVE.equals(path);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        if (READY.equals(request.getRequestURI()) && draining.getAsBoolean()) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.getOutputStream().write("{\"status\":\"draining\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        response.getOutputStream().write("{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8));
    }
}
