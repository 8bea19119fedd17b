package dev.ciscosupport.mcp.cluster;

import io.lettuce.core.ScriptOutputType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cisco's quota booked for all replicas at once: each lane (a Cisco app's API) keeps, per limit of its quota, the times
 * of the turns booked in that limit's window (a sorted set), and one Lua script takes the earliest time every window
 * allows, on Redis' clock (so the replicas' clocks do not matter), and books it, atomically. This is the algorithm each
 * process runs alone without Redis; Cisco's "slow down" pause is kept there too, for every replica to respect.
 */
public final class SharedTurns {
    /** KEYS[1] the lane; ARGV: the longest wait (µs), then per limit its count and window length (µs). */
    private static final String BOOK = """
            local p = KEYS[1]
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
            local at = math.max(now, tonumber(redis.call('GET', p .. ':last') or '0'), tonumber(redis.call('GET', p .. ':pause') or '0'))
            local n = (#ARGV - 1) / 2
            for i = 1, n do
              local limit = tonumber(ARGV[2 * i])
              local len = tonumber(ARGV[2 * i + 1])
              local w = p .. ':w' .. i
              redis.call('ZREMRANGEBYSCORE', w, '-inf', now - len)
              local size = redis.call('ZCARD', w)
              if size >= limit then
                local blocking = redis.call('ZRANGE', w, size - limit, size - limit, 'WITHSCORES')
                local free = tonumber(blocking[2]) + len
                if free > at then at = free end
              end
            end
            if at - now > tonumber(ARGV[1]) then return {0, at - now, 0} end
            local id = redis.call('INCR', p .. ':id')
            for i = 1, n do
              local w = p .. ':w' .. i
              redis.call('ZADD', w, at, id)
              redis.call('PEXPIREAT', w, math.floor((at + tonumber(ARGV[2 * i + 1])) / 1000) + 1000)
            end
            redis.call('SET', p .. ':last', at, 'PXAT', math.floor(at / 1000) + 60000)
            return {1, at - now, id}
            """;
    /** KEYS[1] the lane; ARGV[1] the pause (µs) from now. */
    private static final String PAUSE = """
            local p = KEYS[1]
            local t = redis.call('TIME')
            local untilv = tonumber(t[1]) * 1000000 + tonumber(t[2]) + tonumber(ARGV[1])
            if untilv > tonumber(redis.call('GET', p .. ':pause') or '0') then
              redis.call('SET', p .. ':pause', untilv, 'PXAT', math.floor(untilv / 1000) + 1000)
            end
            return 1
            """;

    /** One limit of a quota: so many turns in a window of so many microseconds. */
    public record Limit(int count, long windowMicros) {
    }

    /**
     * What a booking found: the turn is {@code waitMicros} away; booked with {@code id} (to give back), or, when
     * {@code booked} is false, not booked because it was further than the longest wait.
     */
    public record Turn(boolean booked, long waitMicros, long id) {
    }

    private final Redis redis;

    public SharedTurns(Redis redis) {
        this.redis = redis;
    }

    private String key(String lane) {
        return redis.prefix() + "{q:" + lane + "}";
    }

    /** Books the earliest turn of {@code lane} under {@code limits}; empty when Redis cannot be reached. */
    public Optional<Turn> book(String lane, long maxWaitMicros, List<Limit> limits) {
        List<String> args = new ArrayList<>();
        args.add(Long.toString(maxWaitMicros));
        for (Limit limit : limits) {
            args.add(Integer.toString(limit.count()));
            args.add(Long.toString(limit.windowMicros()));
        }
        return redis.run(r -> {
            List<Long> answer = r.eval(BOOK, ScriptOutputType.MULTI, new String[] {key(lane)}, args.toArray(String[]::new));
            return new Turn(answer.get(0) == 1, answer.get(1), answer.get(2));
        });
    }

    /** Gives a booked turn back (its caller woke too late to use it and books another). */
    public void release(String lane, int limits, long id) {
        redis.run(r -> {
            for (int i = 1; i <= limits; i++) {
                r.zrem(key(lane) + ":w" + i, Long.toString(id));
            }
            return Boolean.TRUE;
        });
    }

    /** Cisco said "too many": no replica books a turn of {@code lane} before {@code micros} from now. */
    public boolean pause(String lane, long micros) {
        return redis.run(r -> r.eval(PAUSE, ScriptOutputType.INTEGER, new String[] {key(lane)}, Long.toString(micros)))
                .isPresent();
    }
}
