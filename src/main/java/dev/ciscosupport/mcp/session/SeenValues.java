package dev.ciscosupport.mcp.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * IDs that earlier answers of a session contained (bug IDs, product IDs, releases, serial numbers,
 * advisories, CVEs), so completions can offer what the user has already seen. Bounded: the newest
 * {@link #PER_KIND} of each kind per session, sessions forgotten after an hour unused.
 */
public final class SeenValues {
    static final int PER_KIND = 200;

    /** What a value is, and the fields of structured results it is read from. */
    public enum Kind {
        BUG_ID("bug_id"),
        PRODUCT_ID("product_id", "base_pid", "base_product_ids", "replacement_product_id", "product_by_input"),
        RELEASE("affected_releases", "fixed_releases", "release", "release_format1", "first_fixed"),
        SERIAL("serial_number", "sr_no"),
        ADVISORY_ID("advisory_id", "advisoryId"),
        CVE("cves", "cve");

        private final List<String> fields;

        Kind(String... fields) {
            this.fields = List.of(fields);
        }
    }

    private final Cache<String, Map<Kind, Set<String>>> sessions = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(1)).maximumSize(10_000).build();

    /** Remembers the IDs in one structured result of {@code session}. */
    public void record(String session, Map<String, Object> structured) {
        if (session == null) {
            return;
        }
        Map<Kind, Set<String>> seen = sessions.get(session, s -> Collections.synchronizedMap(new EnumMap<>(Kind.class)));
        walk(structured, null, seen);
    }

    /** Values of {@code kind} seen in {@code session} that start with {@code prefix} (any case), newest first. */
    public List<String> matching(String session, Kind kind, String prefix) {
        Map<Kind, Set<String>> seen = session == null ? null : sessions.getIfPresent(session);
        if (seen == null) {
            return List.of();
        }
        Set<String> values = seen.get(kind);
        if (values == null) {
            return List.of();
        }
        String wanted = prefix.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        synchronized (values) {
            for (String v : values) {
                if (v.toLowerCase(Locale.ROOT).startsWith(wanted)) {
                    out.add(v);
                }
            }
        }
        Collections.reverse(out);
        return out;
    }

    private static void walk(Object node, String field, Map<Kind, Set<String>> seen) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                walk(v, String.valueOf(k), seen);
                if ("product_by_input".equals(field)) {
                    add(seen, Kind.PRODUCT_ID, v); // the values of this map are product IDs
                }
            });
        } else if (node instanceof Collection<?> list) {
            list.forEach(item -> walk(item, field, seen));
        } else if (node instanceof String text && field != null && !text.isBlank()) {
            for (Kind kind : Kind.values()) {
                if (kind.fields.contains(field)) {
                    add(seen, kind, text);
                }
            }
        }
    }

    private static void add(Map<Kind, Set<String>> seen, Kind kind, Object value) {
        if (!(value instanceof String text) || text.isBlank() || text.length() > 80) {
            return;
        }
        Set<String> values = seen.computeIfAbsent(kind, k -> Collections.synchronizedSet(new LinkedHashSet<>()));
        synchronized (values) {
            values.remove(text); // re-added as the newest
            values.add(text);
            if (values.size() > PER_KIND) {
                values.remove(values.iterator().next());
            }
        }
    }
}
