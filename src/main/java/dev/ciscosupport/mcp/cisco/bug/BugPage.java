package dev.ciscosupport.mcp.cisco.bug;

import dev.ciscosupport.mcp.cisco.Page;
import java.util.List;

/** One page of a bug search. */
public record BugPage(List<Bug> bugs, Page page) {
    public BugPage {
        bugs = List.copyOf(bugs);
    }
}
