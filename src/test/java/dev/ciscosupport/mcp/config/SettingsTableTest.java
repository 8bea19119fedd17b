package dev.ciscosupport.mcp.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The table of settings is what the server reads and what the README says: every setting is read by the loader by its
 * entry (a wrong value is refused naming it, a right one shows in the start-up summary), and the README's tables
 * ("| variable | default | meaning |") name exactly the table's settings, with its defaults.
 */
class SettingsTableTest {
    private static final Set<Setting.Type> CHECKED = Set.of(Setting.Type.FLAG, Setting.Type.WHOLE, Setting.Type.DECIMAL,
            Setting.Type.URL, Setting.Type.CHOICE, Setting.Type.QUOTA);

    @Test
    void everySettingIsReadByItsEntry() {
        for (Setting setting : SettingsTable.all()) {
            if (CHECKED.contains(setting.type())) {
                SettingsLoader loader = new SettingsLoader(Map.of(setting.name(), "1.5x")::get, Map.of());
                assertThatThrownBy(() -> loader.load(CliOptions.NONE)).as("%s=1.5x", setting.name())
                        .isInstanceOf(SettingsException.class).hasMessageStartingWith(setting.name());
            } else {
                String value = setting.name().startsWith("MCP_ALLOWED_ORIGINS") ? "https://app.example.com"
                        : setting.name().equals("MCP_OAUTH_ISSUER") ? "https://login.example.com/realms/network"
                        : setting.name().equals("MCP_TRUSTED_PROXIES") ? "10.0.0.5,10.1.0.0/16"
                        : setting.name().equals("REDIS_URL") ? "redis://127.0.0.1:6379"
                        : setting.name().equals("MCP_REQUEST_STATE_KEY") ? "a-key-of-at-least-32-characters-0123" : "bug";
                Map<String, String> environment = new java.util.HashMap<>(Map.of(setting.name(), value));
                // The introspection client's id and secret are only taken together.
                if (setting.name().startsWith("MCP_OAUTH_CLIENT_")) {
                    environment.put("MCP_OAUTH_CLIENT_ID", "bug");
                    environment.put("MCP_OAUTH_CLIENT_SECRET", "bug");
                }
                SettingsLoader loader = new SettingsLoader(environment::get, Map.of());
                loader.load(CliOptions.NONE);
                assertThat(loader.summary()).as("the summary after %s=%s", setting.name(), value)
                        .anyMatch(l -> l.startsWith(setting.name() + "="));
            }
        }
    }

    @Test
    void everyDefaultIsAValueTheLoaderTakes() {
        for (Setting setting : SettingsTable.all()) {
            if (setting.fallback() != null) {
                SettingsLoader loader = new SettingsLoader(Map.of(setting.name(), setting.fallback())::get, Map.of());
                loader.load(CliOptions.NONE);
                assertThat(loader.summary()).as(setting.name()).hasSize(1);
            }
        }
    }

    @Test
    void theSummaryNamesWhatWasSetAndWhereNeverASecret() {
        SettingsLoader loader = new SettingsLoader(Map.of("CISCO_CLIENT_SECRET", "s3cr3t-value", "CISCO_RETRIES", "1")::get,
                Map.of("MCP_BEARER_TOKEN", "token-from-dotenv-0123456789abcdef", "CISCO_RETRIES", "3"));
        loader.load(CliOptions.NONE);
        assertThat(loader.summary()).containsExactlyInAnyOrder("CISCO_CLIENT_SECRET=(set) (environment)",
                "CISCO_RETRIES=1 (environment)", "MCP_BEARER_TOKEN=(set) (.env)");
        assertThat(String.join(" ", loader.summary())).doesNotContain("s3cr3t").doesNotContain("token-from");
    }

    @Test
    void theReadmesTablesNameExactlyTheSettingsWithTheirDefaults() throws IOException {
        List<String[]> rows = readmeRows();
        assertThat(rows).as("rows of the README's variable tables").hasSizeGreaterThan(30);
        Set<String> documented = new TreeSet<>();
        for (String[] row : rows) {
            List<String> names = backticked(row[0]);
            for (String name : names) {
                List<Setting> meant = SettingsTable.all().stream().filter(s -> name.contains("<API>")
                        ? s.name().startsWith(name.replace("<API>", "")) : s.name().equals(name)).toList();
                assertThat(meant).as("the README's %s is a setting", name).isNotEmpty();
                meant.forEach(s -> documented.add(s.name()));
            }
            checkDefaults(names, row[1]);
        }
        assertThat(documented).as("settings the README's tables name")
                .containsAll(SettingsTable.all().stream().map(Setting::name).toList());
    }

    /** A default cell of values only ("`10`, `40`", or "–" for unset) gives each name's default, in order. */
    private static void checkDefaults(List<String> names, String cell) {
        if (cell.equals("–")) {
            names.forEach(n -> assertThat(SettingsTable.named(n).orElseThrow().fallback()).as("%s unset by default", n)
                    .isNull());
            return;
        }
        if (!cell.matches("`[^`]+`(, `[^`]+`)*( \\(.*\\))?")) {
            return; // prose ("generated per start", "as above"): the meaning column's business
        }
        List<String> values = backticked(cell.replaceAll(" \\(.*\\)$", ""));
        assertThat(values).as("defaults for %s", names).hasSize(names.size());
        for (int i = 0; i < names.size(); i++) {
            assertThat(values.get(i)).as("the README's default of %s", names.get(i))
                    .isEqualTo(SettingsTable.named(names.get(i)).orElseThrow().fallback());
        }
    }

    private static List<String> backticked(String cell) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("`([^`]+)`").matcher(cell);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** The first two cells of every row of the tables headed "| variable | default | meaning |". */
    private static List<String[]> readmeRows() throws IOException {
        List<String[]> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            if (line.equals("| variable | default | meaning |")) {
                inTable = true;
            } else if (!line.startsWith("|")) {
                inTable = false;
            } else if (inTable && !line.startsWith("|---")) {
                String[] cells = Arrays.stream(line.substring(1).split("\\|")).map(String::strip).toArray(String[]::new);
                rows.add(new String[] {cells[0], cells[1]});
            }
        }
        return rows;
    }
}
