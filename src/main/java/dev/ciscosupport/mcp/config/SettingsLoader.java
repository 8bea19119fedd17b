package dev.ciscosupport.mcp.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds {@link Settings} from the command line, then the environment, then a {@code .env} file, then
 * defaults. Empty values count as unset. A bad value stops the start with one line that names the
 * variable and what it accepts.
 */
public final class SettingsLoader {
    private final Function<String, String> environment;
    private final Map<String, String> dotEnv;

    /**
     * @param environment reads a variable of the process environment ({@code System::getenv} in production)
     * @param dotEnv      the variables of the {@code .env} file, already read
     */
    public SettingsLoader(Function<String, String> environment, Map<String, String> dotEnv) {
        this.environment = environment;
        this.dotEnv = Map.copyOf(dotEnv);
    }

    public Settings load(CliOptions cli) {
        boolean http = cli.http() != null ? cli.http() : false;
        String host = cli.host() != null ? nonBlank(cli.host()) : value("HOST");
        Integer port = cli.port() != null ? cli.port() : portFrom(value("PORT"));
        boolean sandbox = cli.sandbox() != null && cli.sandbox();
        return new Settings(
                http,
                host == null ? Settings.DEFAULT_HOST : host,
                checkedPort(port == null ? Settings.DEFAULT_PORT : port),
                sandbox,
                value("CISCO_CLIENT_ID"),
                value("CISCO_CLIENT_SECRET"),
                supportApis(value("SUPPORT_API")),
                value("MCP_BEARER_TOKEN"),
                bool("DANGEROUSLY_OMIT_AUTH"),
                nodeEnv(value("NODE_ENV")),
                url("CISCO_API_BASE_URL", Settings.DEFAULT_API_BASE_URL),
                url("CISCO_TOKEN_URL", Settings.DEFAULT_TOKEN_URL));
    }

    /** The environment first, then {@code .env}; blank counts as unset. Values are trimmed. */
    private String value(String name) {
        String fromEnv = nonBlank(environment.apply(name));
        return fromEnv != null ? fromEnv : nonBlank(dotEnv.get(name));
    }

    private static String nonBlank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Integer portFrom(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new SettingsException("PORT must be a number from 0 to 65535 (got \"" + printable(text) + "\").");
        }
    }

    private static int checkedPort(int port) {
        if (port < 0 || port > 65535) {
            throw new SettingsException("PORT must be a number from 0 to 65535 (got " + port + ").");
        }
        return port;
    }

    static Set<SupportApi> supportApis(String text) {
        if (text == null) {
            return EnumSet.of(SupportApi.BUG);
        }
        EnumSet<SupportApi> apis = EnumSet.noneOf(SupportApi.class);
        for (String name : text.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            if (name.strip().equalsIgnoreCase("all")) {
                apis.addAll(EnumSet.allOf(SupportApi.class));
                continue;
            }
            apis.add(SupportApi.fromSettingName(name).orElseThrow(() -> new SettingsException(
                    "SUPPORT_API: unknown API \"" + printable(name.strip()) + "\"; use a comma list of "
                            + SupportApi.allSettingNames() + ", or all.")));
        }
        if (apis.isEmpty()) {
            throw new SettingsException("SUPPORT_API names no API; use a comma list of "
                    + SupportApi.allSettingNames() + ", or all.");
        }
        return apis;
    }

    private boolean bool(String name) {
        String text = value(name);
        if (text == null) {
            return false;
        }
        switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes":
                return true;
            case "false", "0", "no":
                return false;
            default:
                throw new SettingsException(name + " must be true or false (got \"" + printable(text) + "\").");
        }
    }

    private static String nodeEnv(String text) {
        if (text == null) {
            return "development";
        }
        String lower = text.toLowerCase(Locale.ROOT);
        // The TypeScript server only echoed NODE_ENV; we give it meaning, so refuse typos such as "prod".
        if (!Set.of("development", "production", "test").contains(lower)) {
            throw new SettingsException("NODE_ENV must be development, production or test (got \""
                    + printable(text) + "\").");
        }
        return lower;
    }

    private URI url(String name, URI fallback) {
        String text = value(name);
        if (text == null) {
            return fallback;
        }
        // A URL with user:password@ in it must not be echoed into a log line.
        String shown = text.contains("@") ? "a URL with credentials in it" : "\"" + printable(text) + "\"";
        String problem = name + " must be an http or https URL such as " + fallback + " (got " + shown + ").";
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                throw new SettingsException(problem);
            }
            String withoutTrailingSlash = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
            return URI.create(withoutTrailingSlash);
        } catch (URISyntaxException e) {
            throw new SettingsException(problem);
        }
    }

    /** Keeps error lines short and on one line whatever the user typed. */
    private static String printable(String text) {
        String clean = text.replaceAll("[^\\x20-\\x7E]", "?");
        return clean.length() > 60 ? clean.substring(0, 57) + "..." : clean;
    }
}
