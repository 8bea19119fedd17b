package dev.ciscosupport.mcp.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * The security guide's headers (what helmet gave the TypeScript server), set before anything else runs
 * so that every answer carries them: JSON, SSE, 401, 403, 404, 413, 429 and 500 alike.
 */
final class SecurityHeadersFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        apply(request, response);
        chain.doFilter(request, new NoStore(response));
    }

    /** Keeps {@code Cache-Control: no-store}: the MCP transport would set {@code no-cache} on its answers. */
    private static final class NoStore extends jakarta.servlet.http.HttpServletResponseWrapper {
        NoStore(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setHeader(String name, String value) {
            if (!"Cache-Control".equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!"Cache-Control".equalsIgnoreCase(name)) {
                super.addHeader(name, value);
            }
        }
    }

    /** The server returns JSON and event streams, never pages: nothing may load, frame, embed or cache it. */
    static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'",
            "X-Frame-Options", "DENY",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
            "Cache-Control", "no-store");

    static void apply(HttpServletRequest request, HttpServletResponse response) {
        HEADERS.forEach(response::setHeader);
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
    }
}
