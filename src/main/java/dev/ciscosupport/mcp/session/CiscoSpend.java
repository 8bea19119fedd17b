package dev.ciscosupport.mcp.session;

import java.util.function.BiConsumer;

/**
 * Tells whoever listens how many requests to Cisco each caller's tool calls made (answers fetched, not those reused
 * from the cache), so that the per-client limits of HTTP mode can weigh a tool call by what it cost the shared Cisco
 * quota: one lookup is one request, an analysis that asked Cisco six times is six.
 */
public final class CiscoSpend {
    private volatile BiConsumer<String, Integer> listener = (caller, requests) -> { };

    /** @param listener told (caller, Cisco requests made) after every tool call that asked Cisco at least once */
    public void listen(BiConsumer<String, Integer> listener) {
        this.listener = listener;
    }

    public void spent(String caller, int requests) {
        if (requests > 0) {
            listener.accept(caller, requests);
        }
    }
}
