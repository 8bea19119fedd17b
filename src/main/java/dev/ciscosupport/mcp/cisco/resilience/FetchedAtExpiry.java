package dev.ciscosupport.mcp.cisco.resilience;

import com.github.benmanes.caffeine.cache.Expiry;

/**
 * Caffeine's expiry for what lives a fixed time counted from when it was fetched: neither storing it again nor reading
 * it lengthens its life (the response and record caches, each API's cache time).
 */
final class FetchedAtExpiry<K, V> implements Expiry<K, V> {
    /** How long {@code value} has left at {@code now}, in the cache's nanoseconds. */
    interface Remaining<K, V> {
        long nanos(K key, V value, long now);
    }

    private final Remaining<K, V> remaining;

    FetchedAtExpiry(Remaining<K, V> remaining) {
        this.remaining = remaining;
    }

    @Override
    public long expireAfterCreate(K key, V value, long now) {
        return remaining.nanos(key, value, now);
    }

    @Override
    public long expireAfterUpdate(K key, V value, long now, long current) {
        return remaining.nanos(key, value, now);
    }

    @Override
    public long expireAfterRead(K key, V value, long now, long current) {
        return current;
    }
}
