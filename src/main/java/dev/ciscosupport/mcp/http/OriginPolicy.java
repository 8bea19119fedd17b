package dev.ciscosupport.mcp.http;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which Host and Origin headers may reach the server. Host names and origins are compared exactly
 * (lower-cased, default ports dropped), never as prefixes, so {@code localhost.evil.example} is not
 * {@code localhost}.
 *
 * <p>The security guide says "allow all origins in development"; the MCP specification says servers
 * must validate Origin against DNS rebinding. Both hold here: in development every loopback origin
 * (any port, http or https) is allowed with no configuration, plus the listed ones; in production only
 * the origins listed in {@code MCP_ALLOWED_ORIGINS}. A request without Origin (not from a browser) is
 * always allowed; {@code Origin: null} never is.
 */
final class OriginPolicy {
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");
    private final boolean production;
    private final Set<String> origins = new HashSet<>();
    private final Set<String> hosts = new HashSet<>(LOOPBACK);

    OriginPolicy(boolean production, List<String> allowedOrigins, List<String> allowedHosts, String boundHost) {
        this.production = production;
        allowedOrigins.forEach(o -> {
            String normal = normalOrigin(o);
            if (normal != null) {
                origins.add(normal);
            }
        });
        allowedHosts.forEach(h -> hosts.add(h.toLowerCase(Locale.ROOT)));
        String bound = boundHost.toLowerCase(Locale.ROOT);
        if (!bound.equals("0.0.0.0") && !bound.equals("::")) {
            hosts.add(bound.contains(":") && !bound.startsWith("[") ? "[" + bound + "]" : bound);
        }
    }

    /** True when the Host header names this server. */
    boolean hostAllowed(String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return false;
        }
        String host = hostHeader.strip().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            host = end < 0 ? host : host.substring(0, end + 1);
        } else if (host.indexOf(':') == host.lastIndexOf(':') && host.contains(":")) {
            host = host.substring(0, host.indexOf(':'));
        }
        return hosts.contains(host);
    }

    /** True when a browser page from {@code origin} may use the server. */
    boolean originAllowed(String origin) {
        String normal = normalOrigin(origin);
        if (normal == null) {
            return false;
        }
        if (origins.contains(normal)) {
            return true;
        }
        return !production && LOOPBACK.contains(URI.create(normal).getHost());
    }

    /** scheme://host[:port] in lower case without a default port, or null for anything else (null, paths, userinfo). */
    static String normalOrigin(String origin) {
        try {
            URI uri = new URI(origin.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawUserInfo() != null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null
                    || uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")) {
                return null;
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (Exception e) {
            return null;
        }
    }
}
