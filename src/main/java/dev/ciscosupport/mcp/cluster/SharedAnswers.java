package dev.ciscosupport.mcp.cluster;

import io.lettuce.core.SetArgs;
import java.time.Duration;
import java.util.Optional;

/**
 * Cisco's answers kept for every replica, under the per-process cache: the same question asked through another replica
 * is answered from here instead of asking Cisco again. Keys are a digest of the request; values live as long as the API's
 * cache time. Callers must never put an answer private to one caller here (cases, RMAs).
 */
public final class SharedAnswers {
    private final Redis redis;

    public SharedAnswers(Redis redis) {
        this.redis = redis;
    }

    private String key(String api, String request) {
        return redis.prefix() + "c:" + api + ":" + Redis.digest(request);
    }

    /** The answer another replica (or this one) kept, if Redis has it and can be reached. */
    public Optional<String> get(String api, String request) {
        return redis.run(r -> r.get(key(api, request)));
    }

    /** Keeps {@code answer} for {@code ttl}; nothing happens when Redis cannot be reached. */
    public void put(String api, String request, String answer, Duration ttl) {
        if (ttl.toMillis() > 0) {
            redis.run(r -> r.set(key(api, request), answer, SetArgs.Builder.px(ttl.toMillis())));
        }
    }
}
