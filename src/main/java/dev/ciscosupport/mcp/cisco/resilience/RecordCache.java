package dev.ciscosupport.mcp.cisco.resilience;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ciscosupport.mcp.cisco.call.CallContext;
import dev.ciscosupport.mcp.config.SupportApi;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The records of Cisco's multi-ID lookups (a bug, a product's EoX records), kept one by one beside the
 * {@link ResponseCache}, which keeps whole answers by their URL: a bug fetched among five is reused when asked alone,
 * and asking for five of which three are known fetches only two. Each record lives as long as its API's answers do
 * ({@code CISCO_CACHE_TTL_<API>}); nothing is kept when {@code CISCO_CACHE_MB=0}. Only public data comes here (bugs,
 * EoX): Case and RMA records belong to their caller and stay in the response cache, per caller.
 */
public final class RecordCache {
    /** About what a parsed record holds in memory, to turn CISCO_CACHE_MB into a number of records. */
    private static final int BYTES_PER_RECORD = 4096;

    /** A record: its API, what kind of ID finds it ({@code bug}, {@code pid}...) and that ID in upper case. */
    private record Key(SupportApi api, String kind, String id) {
    }

    private record Entry(Object value, long fetchedAt, String fetchedBy) {
    }

    /** The records found for some of the IDs asked, by ID, and how to report them to the call. */
    public record Found<T>(Map<String, T> records, boolean reused, long oldestSeconds) {
        public boolean any() {
            return !records.isEmpty();
        }
    }

    private final Map<SupportApi, Duration> ttl;
    private final TimeSource time;
    private final Cache<Key, Entry> cache;

    public RecordCache(Map<SupportApi, Duration> ttl, int megabytes, TimeSource time) {
        this.ttl = Map.copyOf(ttl);
        this.time = time;
        this.cache = Caffeine.newBuilder()
                .ticker(time::nanos)
                .maximumSize(megabytes * 1024L * 1024L / BYTES_PER_RECORD)
                .expireAfter(new FetchedAtExpiry<Key, Entry>(this::remaining))
                .build();
    }

    private long remaining(Key key, Entry entry, long now) {
        return Math.max(0, ttl.getOrDefault(key.api(), Duration.ZERO).toNanos() - (now - entry.fetchedAt()));
    }

    /**
     * The records kept for {@code ids} (upper-cased). As with whole answers, only a caller's own earlier records count
     * as reused (with their age); one another caller fetched is handed over as if fresh.
     */
    public <T> Found<T> find(CallContext call, SupportApi api, String kind, List<String> ids, Class<T> type) {
        Map<String, T> found = new LinkedHashMap<>();
        boolean reused = false;
        long oldest = 0;
        long now = time.nanos();
        for (String id : ids) {
            Key key = new Key(api, kind, id.toUpperCase(java.util.Locale.ROOT));
            Entry entry = cache.getIfPresent(key);
            if (entry != null && remaining(key, entry, now) > 0 && type.isInstance(entry.value())) {
                found.put(key.id(), type.cast(entry.value()));
                if (entry.fetchedBy().equals(call.caller())) {
                    reused = true;
                    oldest = Math.max(oldest, Duration.ofNanos(now - entry.fetchedAt()).toSeconds());
                }
            }
        }
        return new Found<>(found, reused, oldest);
    }

    /** Keeps the record {@code call} just fetched for {@code id}. */
    public void keep(CallContext call, SupportApi api, String kind, String id, Object record) {
        if (!ttl.getOrDefault(api, Duration.ZERO).isZero()) {
            cache.put(new Key(api, kind, id.toUpperCase(java.util.Locale.ROOT)),
                    new Entry(record, time.nanos(), call.caller()));
        }
    }

    /** Reports the records found to the call as one reused answer (progress, and the result's cache summary). */
    public static void report(CallContext call, SupportApi api, Found<?> found) {
        if (found.any()) {
            call.answered(api.displayName(), found.reused(), found.oldestSeconds(), false);
        }
    }
}
