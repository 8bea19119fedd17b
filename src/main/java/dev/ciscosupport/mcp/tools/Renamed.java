package dev.ciscosupport.mcp.tools;

import dev.ciscosupport.mcp.cisco.call.CiscoException;
import java.util.Map;
import java.util.function.Supplier;

/**
 * An API call whose refused inputs the client hears of by the tool's names for them. The APIs name what they refuse
 * in Cisco's words ({@code software_releases}, {@code product_ids}); where a tool calls the same thing otherwise
 * ({@code version}, one {@code product_id}), it says so here, and the refusal reads in the tool's words.
 */
final class Renamed {
    private Renamed() {
    }

    /** @param names the API's name of an input to the tool's name of it */
    static <T> T call(Map<String, String> names, Supplier<T> apiCall) {
        try {
            return apiCall.get();
        } catch (CiscoException.InvalidInput e) {
            throw e.naming(names);
        }
    }
}
