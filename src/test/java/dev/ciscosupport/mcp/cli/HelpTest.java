package dev.ciscosupport.mcp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.config.Setting;
import dev.ciscosupport.mcp.config.SettingsTable;
import org.junit.jupiter.api.Test;

/** {@code --help} names every setting the server reads, under its group, with its default. */
class HelpTest {
    @Test
    void helpListsEverySettingWithItsDefault() {
        String help = Main.commandLine().getUsageMessage();
        for (Setting setting : SettingsTable.all()) {
            int at = help.indexOf("\n  " + setting.name() + (help.contains("\n  " + setting.name() + " (") ? " (" : "\n"));
            assertThat(at).as("--help names %s", setting.name()).isPositive();
            String entry = help.substring(at, help.indexOf(')', at) + 1).replaceAll("\\s+", " ");
            assertThat(entry).as("%s's default", setting.name()).endsWith(setting.fallback() == null ? "unset by default)"
                    : "default " + setting.fallback() + ")");
            assertThat(help.indexOf(setting.group().title() + ":")).as("%s under its group", setting.name())
                    .isBetween(0, at);
        }
        assertThat(help.lines().filter(l -> l.length() > 80)).as("lines picocli would break").isEmpty();
    }
}
