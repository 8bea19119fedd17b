package dev.ciscosupport.mcp.config;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which tools {@code SUPPORT_API} switches on: the Cisco APIs, and within the Bug API which groups of tools. The
 * TypeScript server's values all mean here what they meant there: {@code enhanced_analysis} alone offers only the
 * analysis tools (which call the Bug API), {@code sampling} the tools that ask the client's model, and
 * {@code smart_bonding}, which this server does not offer, is named in {@code notOffered} rather than refused.
 *
 * @param apis       the Cisco APIs that are called
 * @param bugTools   the groups of Bug API tools that are listed
 * @param notOffered values this server knows but has no tools for
 */
public record ToolSelection(Set<SupportApi> apis, Set<BugTools> bugTools, List<String> notOffered) {

    /** The Bug API's tools in three groups, named as {@code SUPPORT_API} names them. */
    public enum BugTools {
        SEARCH("bug"), ANALYSIS("enhanced_analysis"), SAMPLING("sampling");

        private final String settingName;

        BugTools(String settingName) {
            this.settingName = settingName;
        }

        public String settingName() {
            return settingName;
        }
    }

    public ToolSelection {
        apis = apis.isEmpty() ? EnumSet.noneOf(SupportApi.class) : EnumSet.copyOf(apis);
        bugTools = bugTools.isEmpty() ? EnumSet.noneOf(BugTools.class) : EnumSet.copyOf(bugTools);
        notOffered = List.copyOf(notOffered);
    }

    public static ToolSelection everything() {
        return new ToolSelection(EnumSet.allOf(SupportApi.class), EnumSet.allOf(BugTools.class), List.of());
    }

    /** The APIs whose prompts make sense: the Bug API's need its search tools. */
    public Set<SupportApi> promptApis() {
        EnumSet<SupportApi> out = apis.isEmpty() ? EnumSet.noneOf(SupportApi.class) : EnumSet.copyOf(apis);
        if (!bugTools.contains(BugTools.SEARCH)) {
            out.remove(SupportApi.BUG);
        }
        return out;
    }
}
