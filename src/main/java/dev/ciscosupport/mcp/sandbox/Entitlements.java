package dev.ciscosupport.mcp.sandbox;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Which APIs the sandbox's credentials are entitled to, as Cisco's API Console decides per app. */
final class Entitlements {
    private static final Map<String, String> PREFIXES = Map.of("/bug/", "bug", "/case/", "case",
            "/supporttools/eox/", "eox", "/security/advisories/", "psirt", "/product/", "product", "/sn2info/", "serial",
            "/return/", "rma", "/software/", "software");
    private volatile Set<String> allowed;

    /** Null: every API; otherwise only the named ones. */
    void only(Collection<String> apis) {
        allowed = apis == null ? null : apis.stream().map(a -> a.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    boolean allows(String rawPath) {
        Set<String> current = allowed;
        if (current == null) {
            return true;
        }
        return PREFIXES.entrySet().stream().filter(e -> rawPath.startsWith(e.getKey())).findFirst()
                .map(e -> current.contains(e.getValue())).orElse(true);
    }
}
