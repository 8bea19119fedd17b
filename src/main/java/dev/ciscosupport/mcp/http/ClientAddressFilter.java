package dev.ciscosupport.mcp.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.eclipse.jetty.util.InetAddressSet;

/**
 * The client's real address behind a load balancer the operator trusts ({@code MCP_TRUSTED_PROXIES}: addresses or CIDR
 * ranges): when the connection comes from one of them, the address is taken from {@code X-Forwarded-For} (else
 * {@code Forwarded: for=}), reading from the right and skipping the trusted proxies, so a client cannot choose its address
 * by sending the header itself. Everything after this filter (access and security logs, the failed-login lockout, the
 * per-client limits) sees that address. A connection from any other address keeps its own, whatever it sends.
 */
final class ClientAddressFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private final transient InetAddressSet trusted = new InetAddressSet();

    /** @param trusted addresses and CIDR ranges, as {@code MCP_TRUSTED_PROXIES} lists them (checked at start) */
    ClientAddressFilter(List<String> trusted) {
        trusted.forEach(this.trusted::add);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String peer = request.getRemoteAddr();
        if (trusted.isEmpty() || !isTrusted(peer)) {
            chain.doFilter(request, response);
            return;
        }
        String client = forwardedClient(request);
        chain.doFilter(client == null ? request : new HttpServletRequestWrapper(request) {
            @Override
            public String getRemoteAddr() {
                return client;
            }

            @Override
            public String getRemoteHost() {
                return client;
            }
        }, response);
    }

    /** The rightmost forwarded address that is not a trusted proxy, or null when the header names none. */
    private String forwardedClient(HttpServletRequest request) {
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (String hop : header.split(",")) {
                hops.add(hop.strip());
            }
        }
        if (hops.isEmpty()) {
            for (String header : Collections.list(request.getHeaders("Forwarded"))) {
                for (String element : header.split(",")) {
                    for (String pair : element.split(";")) {
                        String p = pair.strip();
                        if (p.toLowerCase(Locale.ROOT).startsWith("for=")) {
                            hops.add(p.substring(4).replace("\"", "").replaceAll("^\\[|\\](:\\d+)?$", ""));
                        }
                    }
                }
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!isLiteralAddress(hop)) {
                return null; // "unknown", an obfuscated name or garbage: keep the proxy's own address
            }
            if (!isTrusted(hop) || i == 0) {
                return hop;
            }
        }
        return null;
    }

    private boolean isTrusted(String address) {
        try {
            return isLiteralAddress(address) && trusted.test(InetAddress.getByName(address));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** An IPv4 or IPv6 literal: never a name, which would be looked up. */
    private static boolean isLiteralAddress(String text) {
        return !text.isEmpty() && text.length() <= 45 && text.matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    }
}
