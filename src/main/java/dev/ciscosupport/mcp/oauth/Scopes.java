package dev.ciscosupport.mcp.oauth;

import dev.ciscosupport.mcp.config.SupportApi;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The scopes this server knows, as the README documents them: {@code support.read} for any use of the server (listing,
 * prompts, resources and tools outside the Cisco APIs), and with {@code MCP_OAUTH_API_SCOPES} one per Cisco API for its
 * tools, resources and prompts ({@code support.bug}, {@code support.case}...). A provider may put a prefix before them
 * where clients ask for them (Entra ID: {@code api://<application ID>/support.bug}) and leave it out in tokens; both
 * spellings are read.
 */
public final class Scopes {
    /** Needed for every request. */
    public static final String BASE = "support.read";

    private final String prefix;
    private final boolean perApi;

    public Scopes(String prefix, boolean perApi) {
        this.prefix = prefix == null ? "" : prefix;
        this.perApi = perApi;
    }

    /** The scope an API's tools need, or empty when {@link #BASE} is enough. */
    public Optional<String> needed(SupportApi api) {
        return perApi ? Optional.of("support." + api.settingName()) : Optional.empty();
    }

    /** A token's scopes as this server names them: the provider's prefix, if any, taken off. */
    public Set<String> read(Collection<String> fromToken) {
        Set<String> out = new LinkedHashSet<>();
        for (String scope : fromToken) {
            out.add(!prefix.isEmpty() && scope.startsWith(prefix) ? scope.substring(prefix.length()) : scope);
        }
        return out;
    }

    /** Scopes as clients ask the provider for them (with the prefix), space-separated. */
    public String shown(Collection<String> scopes) {
        return String.join(" ", scopes.stream().map(s -> prefix + s).toList());
    }

    /** What the protected-resource metadata and the first challenge offer: the base scope and each enabled API's. */
    public List<String> supported(Collection<SupportApi> apis) {
        List<String> out = new ArrayList<>();
        out.add(BASE);
        apis.stream().sorted().forEach(api -> needed(api).ifPresent(out::add));
        return out;
    }
}
