package dev.ciscosupport.mcp.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Server-wide news every client should hear once (an API withdrawn because the Cisco app is not
 * entitled to it). The SDK (2.1) can send a log message only within a request, so each session hears
 * the news it has not heard yet at its next tool call, as a warning; list_changed has already told its
 * client that the lists changed.
 */
public final class ClientNotices {
    private final List<String> notices = new CopyOnWriteArrayList<>();
    private final Cache<String, Integer> heard = Caffeine.newBuilder().expireAfterAccess(Duration.ofHours(1))
            .maximumSize(10_000).build();

    public void add(String message) {
        notices.add(message);
    }

    /** What {@code session} has not heard yet; from now on it has. */
    public List<String> unheard(String session) {
        if (notices.isEmpty()) {
            return List.of();
        }
        int total = notices.size();
        Integer before = heard.asMap().put(session, total);
        int from = before == null ? 0 : Math.min(before, total);
        return List.copyOf(notices.subList(from, total));
    }
}
