package dev.ciscosupport.mcp.cisco;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.client.HttpProxy;
import org.eclipse.jetty.client.Origin;
import org.eclipse.jetty.client.ProxyConfiguration;

/**
 * The JVM's own proxy settings ({@code -Dhttps.proxyHost}, {@code -Dhttps.proxyPort}, {@code -Dhttp.proxyHost},
 * {@code -Dhttp.proxyPort}, {@code -Dhttp.nonProxyHosts}, given in {@code JDK_JAVA_OPTIONS}), followed as the JDK's
 * HTTP client follows them: Jetty's client reads none of them. Which origin goes through which proxy is the JDK's
 * default proxy selector's answer, so the hosts it leaves out (loopback by default, and {@code http.nonProxyHosts}) are
 * reached directly.
 */
final class SystemProxies {
    private SystemProxies() {
    }

    static void apply(ProxyConfiguration proxies) {
        Set<String> added = new LinkedHashSet<>();
        for (String scheme : List.of("https", "http")) {
            String host = System.getProperty(scheme + ".proxyHost", "").strip();
            int port = Integer.getInteger(scheme + ".proxyPort", scheme.equals("https") ? 443 : 80);
            if (!host.isEmpty() && added.add(host + ":" + port)) {
                proxies.addProxy(new Selected(host, port));
            }
        }
    }

    /** A proxy for the origins the JVM's default proxy selector sends to it. */
    private static final class Selected extends HttpProxy {
        Selected(String host, int port) {
            super(host, port);
        }

        @Override
        public boolean matches(Origin origin) {
            String host = origin.getAddress().getHost();
            URI target = URI.create(origin.getScheme() + "://" + (host.contains(":") && !host.startsWith("[") ? "[" + host + "]"
                    : host) + ":" + origin.getAddress().getPort() + "/");
            for (Proxy chosen : ProxySelector.getDefault().select(target)) {
                if (chosen.type() == Proxy.Type.HTTP && chosen.address() instanceof InetSocketAddress at
                        && at.getHostString().equalsIgnoreCase(getAddress().getHost()) && at.getPort() == getAddress().getPort()) {
                    return true;
                }
            }
            return false;
        }
    }
}
