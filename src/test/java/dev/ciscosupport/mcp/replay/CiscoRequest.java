package dev.ciscosupport.mcp.replay;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A request to Cisco in a form where two spellings Cisco treats alike compare equal: parentheses raw or
 * percent-encoded in the path (both recorded, SPEC 1.2), query parameters in any order and encoding, and
 * page 1 asked for or left to Cisco's default. Spaces stay {@code %20} and commas stay list separators.
 */
final class CiscoRequest {
    private static final List<String> DEFAULT_PAGE = List.of("page_index=1", "pageIndex=1");

    private CiscoRequest() {
    }

    static String normalise(String request) {
        int q = request.indexOf('?');
        String path = (q < 0 ? request : request.substring(0, q)).replace("%28", "(").replace("%29", ")");
        if (q < 0) {
            return path;
        }
        List<String> query = Arrays.stream(request.substring(q + 1).split("&"))
                .map(p -> URLDecoder.decode(p, StandardCharsets.UTF_8))
                .filter(p -> !DEFAULT_PAGE.contains(p)).sorted().toList();
        return query.isEmpty() ? path : path + "?" + String.join("&", query);
    }
}
