package dev.ciscosupport.mcp.config;

import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What is unsafe about how the server was started, said before it serves anything: with {@code NODE_ENV=production}
 * the serious findings stop the start, the others (and, in development, all of them) are printed as warnings on
 * stderr (never stdout, which is the protocol in stdio mode).
 */
public final class DeploymentChecks {
    /** Shorter tokens are guessable in practice; the token file refuses them too. */
    public static final int MIN_TOKEN_LENGTH = 16;
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1", "[::1]");

    /** One thing found; {@code refusedInProduction} findings stop a production start. */
    public record Finding(String text, boolean refusedInProduction) {
    }

    private DeploymentChecks() {
    }

    public static List<Finding> findings(Settings settings) {
        List<Finding> found = new ArrayList<>();
        plainHttp("CISCO_API_BASE_URL", settings.ciscoApiBaseUrl(), found);
        plainHttp("CISCO_TOKEN_URL", settings.ciscoTokenUrl(), found);
        if (!settings.http()) {
            return found;
        }
        HttpSecurity security = settings.security();
        long weak = security.bearerTokens().stream().filter(t -> t.length() < MIN_TOKEN_LENGTH).count();
        if (weak > 0 && !settings.omitAuth()) {
            found.add(new Finding("MCP_BEARER_TOKEN has " + weak + " token(s) shorter than " + MIN_TOKEN_LENGTH
                    + " characters, which can be guessed: use java -jar cisco-support-mcp.jar --generate-token (32 characters)",
                    true));
        }
        if (!security.tls() && !security.tlsOffloaded() && !isLoopback(settings.host())) {
            found.add(new Finding("HTTP on " + settings.host() + " without TLS: bearer tokens and Cisco data cross the network"
                    + " in clear. Set MCP_TLS_CERT and MCP_TLS_KEY (or MCP_TLS_KEYSTORE), or, when a proxy in front terminates"
                    + " TLS, MCP_TLS_OFFLOADED=true", false));
        }
        OAuthSettings oauth = settings.oauth();
        if (oauth.oauth() && oauth.resource() == null && !isLoopback(settings.host())) {
            found.add(new Finding("MCP_AUTH=" + oauth.mode().name().toLowerCase(Locale.ROOT) + " on " + settings.host()
                    + " without MCP_OAUTH_RESOURCE: tokens would have to name the URL this process listens on, not the"
                    + " one clients use; set MCP_OAUTH_RESOURCE to that URL (such as https://mcp.example.com/mcp)", true));
        }
        if (settings.production() && security.queryToken() && oauth.sharedTokens()) {
            found.add(new Finding("MCP_ALLOW_QUERY_TOKEN=true in production: a token in a URL ends up in proxy, browser and"
                    + " server logs; send Authorization: Bearer instead", false));
        }
        return found;
    }

    /**
     * Prints the findings; 2 (the exit status for bad settings) when one of them stops a production start, else 0.
     */
    public static int enforce(Settings settings, PrintStream err) {
        int status = 0;
        for (Finding finding : findings(settings)) {
            if (settings.production() && finding.refusedInProduction()) {
                err.println("cisco-support-mcp: " + finding.text() + ". Refused with NODE_ENV=production.");
                status = 2;
            } else {
                err.println("WARNING: " + finding.text() + ".");
            }
        }
        return status;
    }

    /** Whether {@code url} is https, or http to this machine (a provider or sandbox on loopback): safe to send secrets to. */
    public static boolean secureOrLoopback(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        return url.getHost() != null && (scheme.equals("https") || scheme.equals("http") && isLoopback(url.getHost()));
    }

    /** 127.0.0.0/8, ::1 or localhost. */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return LOOPBACK.contains(h) || h.startsWith("127.");
    }

    private static void plainHttp(String name, URI url, List<Finding> found) {
        if (url != null && "http".equalsIgnoreCase(url.getScheme()) && !isLoopback(String.valueOf(url.getHost()))) {
            found.add(new Finding(name + " is plain http (" + url.getHost() + "): Cisco's credentials and answers would"
                    + " cross the network unencrypted; use https", true));
        }
    }
}
