package dev.ciscosupport.mcp.cli;

import dev.ciscosupport.mcp.config.Setting;
import dev.ciscosupport.mcp.config.SettingsTable;
import java.util.ArrayList;
import java.util.List;

/** The settings part of {@code --help}: every variable of {@link SettingsTable}, by group, with its default. */
final class SettingsHelp {
    /** picocli's usage width: longer lines would be broken by it, without the indent. */
    private static final int WIDTH = 79;
    private static final String INDENT = "      ";

    private SettingsHelp() {
    }

    /** The lines after the flags: each group's title, then each setting, its default and type, and what it means. */
    static List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add("Settings: the flags above, then the environment, then ./.env, then these defaults (empty counts as unset):");
        Setting.Group group = null;
        for (Setting setting : SettingsTable.all()) {
            if (setting.group() != group) {
                group = setting.group();
                out.add("");
                out.add(group.title() + ":");
            }
            boolean saysItself = setting.type() == Setting.Type.SPECIAL || setting.type() == Setting.Type.TEXT
                    || setting.type() == Setting.Type.SECRET; // its meaning says what it takes
            String about = "(" + (saysItself ? "" : setting.accepts() + "; ")
                    + (setting.fallback() == null ? "unset by default" : "default " + setting.fallback()) + ")";
            String header = "  " + setting.name() + " " + about;
            if (header.length() <= WIDTH) {
                out.add(header);
            } else {
                out.add("  " + setting.name());
                out.addAll(wrapped(about));
            }
            out.addAll(wrapped(setting.meaning()));
        }
        return out;
    }

    private static List<String> wrapped(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(INDENT);
        for (String word : text.split(" ")) {
            if (line.length() > INDENT.length() && line.length() + 1 + word.length() > WIDTH) {
                lines.add(line.toString());
                line = new StringBuilder(INDENT);
            }
            if (line.length() > INDENT.length()) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
