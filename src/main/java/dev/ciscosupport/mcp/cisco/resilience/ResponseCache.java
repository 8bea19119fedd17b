package dev.ciscosupport.mcp.cisco.resilience;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ciscosupport.mcp.cisco.call.CallContext;
import dev.ciscosupport.mcp.cisco.call.CiscoException;
import dev.ciscosupport.mcp.config.SupportApi;
import dev.ciscosupport.mcp.metrics.Meters;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Cisco's answers, reused for a time that suits each API (EoX dates for a day, cases for two minutes),
 * bounded in memory. Identical requests made at the same time share one call to Cisco: the first
 * caller's fetch runs, all of them wait for its answer (or its error), and a cancelled caller leaves
 * alone. Case and RMA answers are kept per
 * caller, so one HTTP client never sees another's. Only answers are kept, never errors.
 */
public final class ResponseCache {
    /** The JSON tree in memory is several times the size of the text it was read from. */
    private static final int TREE_BYTES_PER_CHAR = 4;

    /** One request: the API, the full URI with its query, and who asked (empty for data every caller may see). */
    public record Key(SupportApi api, String uri, String caller) {
    }

    /**
     * A body as fetched: the parsed tree, the size of its text (to weigh it), and whether Cisco was asked for it (false:
     * another replica's answer, kept in Redis).
     */
    public record Fetched(JsonNode body, int chars, boolean fromCisco) {
        public Fetched(JsonNode body, int chars) {
            this(body, chars, true);
        }
    }

    /**
     * A body and when it was fetched, to tell how old a reused answer is. Only a caller's own earlier answer counts as
     * reused: that another caller asked the same question lately is that caller's business, so an answer someone else
     * fetched is handed over as if fresh (it is never older than the API's cache time). {@code fetched}: this call's
     * request went to Cisco (what the caller is charged for).
     */
    public record Hit(JsonNode body, long ageSeconds, boolean reused, boolean fetched) {
    }

    private record Entry(JsonNode body, int chars, long fetchedAt, String fetchedBy, boolean fromCisco) {
    }

    private final Map<SupportApi, Duration> ttl;
    private final TimeSource time;
    private final AsyncCache<Key, Entry> cache;
    /** Fetches in flight, by the future the cache holds for them. */
    private final Map<CompletableFuture<Entry>, Flight> flights = new ConcurrentHashMap<>();
    private final ExecutorService fetcher = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "cisco-fetch");
        thread.setDaemon(true);
        return thread;
    });

    public ResponseCache(Map<SupportApi, Duration> ttl, int megabytes, TimeSource time) {
        this.ttl = Map.copyOf(ttl);
        this.time = time;
        this.cache = Caffeine.newBuilder()
                .ticker(time::nanos)
                .maximumWeight(Math.max(1, megabytes) * 1024L * 1024L)
                .<Key, Entry>weigher((key, entry) -> key.uri().length() + entry.chars() * TREE_BYTES_PER_CHAR)
                .expireAfter(new FetchedAtExpiry<Key, Entry>(this::remaining))
                .buildAsync();
    }

    /**
     * How long an answer has left, counted from when it was fetched: the cache learns of a fetch a moment after its
     * waiters do (they are told first), and that moment must not lengthen its life.
     */
    private long remaining(Key key, Entry entry, long now) {
        return Math.max(0, ttl.getOrDefault(key.api(), Duration.ZERO).toNanos() - (now - entry.fetchedAt()));
    }

    /** Whether a fetched answer is past its API's time, by this cache's clock. */
    private boolean expired(Key key, CompletableFuture<Entry> future) {
        Entry entry = future.isDone() && !future.isCompletedExceptionally() ? future.getNow(null) : null;
        return entry != null && remaining(key, entry, time.nanos()) == 0;
    }

    /** Whether answers of this API are kept at all. */
    public boolean keeps(SupportApi api) {
        Duration d = ttl.get(api);
        return d != null && !d.isZero();
    }

    /** Case and RMA data belong to whoever asked; everything else is the same for every caller. */
    public static boolean perCaller(SupportApi api) {
        return api == SupportApi.CASE || api == SupportApi.RMA;
    }

    /**
     * The cached answer for {@code key}, the answer of an identical request in flight, or a new one from
     * {@code fetch}. A new fetch runs on a thread of its own, for a context of its own (the first caller's identity and
     * listener, its own cancellation), and everyone who asked waits for it alike: a caller whose call is cancelled stops
     * waiting without failing the others, and the fetch itself is cancelled only when nobody is waiting for it any more.
     *
     * @param call who asks (a token's fingerprint, a session, "stdio"), to tell reuse of its own answers from others'
     */
    public Hit get(Key key, CallContext call, Function<CallContext, Fetched> fetch) {
        Flight mine = new Flight(call);
        CompletableFuture<Entry> earlier = cache.asMap().putIfAbsent(key, mine.result);
        while (earlier != null && (earlier.isCompletedExceptionally() || expired(key, earlier))) {
            // A failed fetch the cache has not dropped yet (it does so just after), or an answer past its time that it
            // has not (it learns of a fetch a moment after its waiters do): never an answer, so fetch again.
            cache.asMap().remove(key, earlier);
            earlier = cache.asMap().putIfAbsent(key, mine.result);
        }
        if (earlier != null) {
            boolean stored = earlier.isDone();
            Meters.cache(key.api().settingName(), stored ? "hit" : "joined");
            Flight flight = flights.get(earlier);
            Entry entry = flight == null ? await(key.api(), earlier) : flight.await(key, call);
            boolean own = stored && entry.fetchedBy().equals(call.caller());
            long age = own ? Duration.ofNanos(time.nanos() - entry.fetchedAt()).toSeconds() : 0;
            return new Hit(entry.body(), age, own, false);
        }
        flights.put(mine.result, mine);
        Meters.cache(key.api().settingName(), "miss");
        mine.start(fetch);
        Entry entry = mine.await(key, call);
        return new Hit(entry.body(), 0, false, entry.fromCisco());
    }

    /** How many callers wait for the fetch in flight for {@code key} (0 when none is in flight). */
    int waiting(Key key) {
        CompletableFuture<Entry> future = cache.getIfPresent(key);
        Flight flight = future == null ? null : flights.get(future);
        return flight == null ? 0 : flight.waiting();
    }

    /** One fetch in flight and the callers waiting for it. */
    private final class Flight {
        final CompletableFuture<Entry> result = new CompletableFuture<>();
        /** The fetch's own context: cancelled when its last waiter leaves, never by one of several. */
        private final CallContext fetching;
        private int waiting;

        Flight(CallContext first) {
            this.fetching = first.shared();
        }

        void start(Function<CallContext, Fetched> fetch) {
            fetcher.execute(() -> {
                try {
                    Fetched fetched = fetch.apply(fetching);
                    result.complete(new Entry(fetched.body(), fetched.chars(), time.nanos(), fetching.caller(),
                            fetched.fromCisco()));
                } catch (RuntimeException | Error e) {
                    result.completeExceptionally(e); // Caffeine drops a failed future: the next request fetches again
                } finally {
                    flights.remove(result);
                }
            });
        }

        /** Waits for the fetch as {@code call}, which stops waiting when it is cancelled. */
        Entry await(Key key, CallContext call) {
            synchronized (this) {
                waiting++;
            }
            CompletableFuture<Entry> wait = result.copy(); // cancelling one waiter's copy leaves the fetch alone
            CallContext.Registration stopWaiting = call.onCancel(() -> wait.cancel(false));
            try {
                return ResponseCache.await(key.api(), wait);
            } catch (CiscoException.Cancelled cancelled) {
                leave(key);
                throw cancelled;
            } finally {
                stopWaiting.close();
                synchronized (this) {
                    waiting--;
                }
            }
        }

        synchronized int waiting() {
            return waiting;
        }

        /** A waiter was cancelled: when it was the last one, the fetch goes too. */
        private synchronized void leave(Key key) {
            if (waiting == 1 && !result.isDone()) {
                cache.asMap().remove(key, result);
                result.completeExceptionally(new CiscoException.Cancelled(key.api().displayName()));
                fetching.cancel();
            }
        }
    }

    /** About how much memory the kept answers take, by the weight the bound is enforced on (bytes). */
    public long weight() {
        cache.synchronous().cleanUp();
        return cache.synchronous().policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }

    /** Forgets everything (tests, and a change of credentials). */
    public void clear() {
        cache.synchronous().invalidateAll();
    }

    private static Entry await(SupportApi api, CompletableFuture<Entry> future) {
        try {
            return future.get();
        } catch (CancellationException e) {
            throw new CiscoException.Cancelled(api.displayName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the server is stopping
            throw new CiscoException.Cancelled(api.displayName());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
