package dev.ciscosupport.mcp.cisco;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Many IDs asked of an API that takes a few per request: the IDs in batches of what one request takes, the answers
 * of all requests put back in the order they were asked, and their paging summed.
 */
public final class Batches {
    private Batches() {
    }

    /** {@code items} in consecutive batches of at most {@code perRequest}. */
    public static <T> List<List<T>> of(List<T> items, int perRequest) {
        List<List<T>> batches = new ArrayList<>();
        for (int from = 0; from < items.size(); from += perRequest) {
            batches.add(items.subList(from, Math.min(items.size(), from + perRequest)));
        }
        return batches;
    }

    /** The key an answer is filed under: Cisco echoes IDs in its own case. */
    public static String key(String id) {
        return id.toUpperCase(Locale.ROOT);
    }

    /**
     * The answers in the order the IDs were asked; an ID without one gets {@code absent}'s answer, or is left out when
     * that is null.
     *
     * @param answered answers filed by {@link #key}
     */
    public static <T> List<T> inOrder(List<String> asked, Map<String, T> answered, Function<String, T> absent) {
        List<T> ordered = new ArrayList<>();
        for (String id : asked) {
            T answer = answered.get(key(id));
            if (answer == null) {
                answer = absent.apply(id);
            }
            if (answer != null) {
                ordered.add(answer);
            }
        }
        return ordered;
    }

    /** The paging of several requests' answers: the furthest last page, the totals added. */
    public static final class Paging {
        private int requests;
        private int last;
        private int total;

        public void add(int lastPage, int totalRecords) {
            requests++;
            last = Math.max(last, lastPage);
            total += totalRecords;
        }

        public int requests() {
            return requests;
        }

        public int last() {
            return last;
        }

        public int total() {
            return total;
        }
    }
}
