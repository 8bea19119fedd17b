package dev.ciscosupport.mcp.config;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which tools {@code SUPPORT_API} switches on: the Cisco APIs, and within the Bug API which groups of tools. The
 * TypeScript server's values all mean here what they meant there: {@code enhanced_analysis} alone offers only the
 * analysis tools (which call the Bug API), {@code sampling} the tools that ask the client's model, and
 * {@code smart_bonding} the Smart Bonding tools (never part of {@code all}).
 *
 * @param apis       the Cisco APIs that are called
 * @param bugTools   the groups of Bug API tools that are listed
 * @param toolsets   {@code MCP_TOOLSETS}: which of those tools are listed (see {@link Toolset}); with dynamic
 *                   toolsets, which each session starts with
 * @param dynamic    {@code MCP_DYNAMIC_TOOLSETS}: every tool is offered, and each session's model enables toolsets
 */
public record ToolSelection(Set<SupportApi> apis, Set<BugTools> bugTools, Set<Toolset> toolsets,
        boolean dynamic) {

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
        toolsets = toolsets.isEmpty() ? EnumSet.noneOf(Toolset.class) : EnumSet.copyOf(toolsets);
    }

    /** Every tool {@code SUPPORT_API} selects is listed. */
    public ToolSelection(Set<SupportApi> apis, Set<BugTools> bugTools) {
        this(apis, bugTools, Toolset.all(), false);
    }

    /** Every session starts with the toolsets chosen so far, and may enable the others. */
    public ToolSelection dynamically() {
        return new ToolSelection(apis, bugTools, toolsets, true);
    }

    /** What the server offers: with dynamic toolsets every tool, whatever each session sees. */
    public ToolSelection offered() {
        return dynamic ? new ToolSelection(apis, bugTools, Toolset.all(), true) : this;
    }

    /** The same tools, as many of them as {@code listed} names; refused when that lists none of them. */
    public ToolSelection withToolsets(Set<Toolset> listed) {
        ToolSelection out = new ToolSelection(apis, bugTools, listed, dynamic);
        if (!out.listsAny()) {
            throw new SettingsException("MCP_TOOLSETS lists none of the tools SUPPORT_API selects; add "
                    + apis.stream().map(Toolset::of).map(Toolset::settingName).sorted().toList().get(0)
                    + " or core to MCP_TOOLSETS, or the toolset's API to SUPPORT_API.");
        }
        return out;
    }

    private boolean listsAny() {
        if (toolsets.contains(Toolset.CORE)
                && apis.stream().anyMatch(api -> api != SupportApi.BUG || bugTools.contains(BugTools.SEARCH))) {
            return true; // every API has a core lookup; the Bug API's are searches
        }
        return apis.stream().anyMatch(api -> api != SupportApi.BUG && toolsets.contains(Toolset.of(api)))
                || apis.contains(SupportApi.EOX) && toolsets.contains(Toolset.FLEET)
                || bugTools.contains(BugTools.SEARCH) && toolsets.contains(Toolset.BUG)
                || bugTools.contains(BugTools.ANALYSIS) && toolsets.contains(Toolset.ANALYSIS)
                || bugTools.contains(BugTools.SAMPLING) && toolsets.contains(Toolset.SAMPLING);
    }

    /** Whether a tool of this toolset is listed: its toolset is chosen, or it is one of the core lookups and core is. */
    public boolean lists(Toolset toolset, String toolName) {
        return Toolset.lists(toolsets, toolset, toolName);
    }

    public static ToolSelection everything() {
        return new ToolSelection(SupportApi.all(), EnumSet.allOf(BugTools.class));
    }

    /**
     * The APIs whose prompts make sense: those whose tools are listed (the core lookups are enough for a prompt's
     * first step); the Bug API's need its search tools.
     */
    public Set<SupportApi> promptApis() {
        EnumSet<SupportApi> out = apis.isEmpty() ? EnumSet.noneOf(SupportApi.class) : EnumSet.copyOf(apis);
        if (!bugTools.contains(BugTools.SEARCH)) {
            out.remove(SupportApi.BUG);
        }
        if (!toolsets.contains(Toolset.CORE)) {
            out.removeIf(api -> !toolsets.contains(Toolset.of(api)));
        }
        return out;
    }
}
