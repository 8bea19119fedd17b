package dev.ciscosupport.mcp.cisco.bug;

import java.util.List;

/**
 * The answer to a bug-ID lookup that may have taken several Cisco calls.
 *
 * @param bugs       the bugs found, in the order they were asked for
 * @param notFound   IDs Cisco returned nothing for
 * @param ciscoCalls how many calls it took (Cisco accepts 5 IDs per call)
 */
public record BugDetails(List<Bug> bugs, List<String> notFound, int ciscoCalls) {
    public BugDetails {
        bugs = List.copyOf(bugs);
        notFound = List.copyOf(notFound);
    }
}
