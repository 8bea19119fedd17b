package dev.ciscosupport.mcp.cluster;

import io.lettuce.core.ScriptOutputType;
import java.util.Optional;

/**
 * The abuse limits every replica applies together: a token bucket per client (the per-client request limit) and the
 * failed-login count and lockout per address. Each is one Lua script, atomic, on Redis' clock. Every method answers
 * empty when Redis cannot be reached, and the caller applies its own limits instead.
 */
public final class SharedLimits {
    /** KEYS[1] the bucket; ARGV: refill per second, burst, what to take (1 for a request, more for a charge). */
    private static final String TAKE = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
            local rate = tonumber(ARGV[1])
            local burst = tonumber(ARGV[2])
            local cost = tonumber(ARGV[3])
            local b = redis.call('HMGET', KEYS[1], 'tokens', 'at')
            local tokens = tonumber(b[1]) or burst
            local at = tonumber(b[2]) or now
            tokens = math.min(burst, tokens + (now - at) * rate)
            local wait = 0
            if cost == 1 and tokens < 1 then
              wait = math.ceil((1 - tokens) / rate)
            else
              tokens = tokens - cost
            end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
            redis.call('EXPIRE', KEYS[1], math.ceil(burst / rate) + 60)
            return wait
            """;
    /** KEYS[1] the address; ARGV: failures that block, the window (ms), the block (ms). 1 when this one blocks. */
    private static final String FAILED = """
            local f = KEYS[1] .. ':failures'
            local n = redis.call('INCR', f)
            if n == 1 then redis.call('PEXPIRE', f, ARGV[2]) end
            if n >= tonumber(ARGV[1]) and redis.call('EXISTS', KEYS[1] .. ':blocked') == 0 then
              redis.call('SET', KEYS[1] .. ':blocked', 1, 'PX', ARGV[3])
              redis.call('DEL', f)
              return 1
            end
            return 0
            """;

    private final Redis redis;
    /** Which limit's buckets these are ("requests", "sessions"): each has keys of its own. */
    private final String name;

    public SharedLimits(Redis redis) {
        this(redis, "limits");
    }

    private SharedLimits(Redis redis, String name) {
        this.redis = redis;
        this.name = name;
    }

    /** The same Redis, for another limit's buckets. */
    public SharedLimits named(String limit) {
        return new SharedLimits(redis, limit);
    }

    /** 0 when {@code client} may go ahead, else the seconds to wait; empty when Redis cannot be reached. */
    public Optional<Long> acquire(String client, double perSecond, double burst) {
        return take(client, perSecond, burst, 1);
    }

    /** Takes {@code more} from the client's bucket (what its request turned out to cost); false when Redis is away. */
    public boolean charge(String client, double perSecond, double burst, double more) {
        return take(client, perSecond, burst, more).isPresent();
    }

    private Optional<Long> take(String client, double perSecond, double burst, double cost) {
        return redis.run(r -> r.eval(TAKE, ScriptOutputType.INTEGER, new String[] {redis.prefix() + "rl:" + name + ":" + client},
                Double.toString(perSecond), Double.toString(burst), Double.toString(cost)));
    }

    /** Counts a failed authentication from {@code address}; true when it is the one that blocks the address. */
    public Optional<Boolean> failed(String address, int threshold, long windowMillis, long blockMillis) {
        return redis.run(r -> r.<Long>eval(FAILED, ScriptOutputType.INTEGER, new String[] {redis.prefix() + "lo:" + address},
                Integer.toString(threshold), Long.toString(windowMillis), Long.toString(blockMillis)) == 1L);
    }

    /** Seconds {@code address} stays blocked (0 when it may try); empty when Redis cannot be reached. */
    public Optional<Long> blockedSeconds(String address) {
        return redis.run(r -> {
            long millis = r.pttl(redis.prefix() + "lo:" + address + ":blocked");
            return millis <= 0 ? 0L : Math.max(1, (millis + 999) / 1000);
        });
    }
}
