package dev.ciscosupport.mcp.cluster;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.lettuce.core.resource.DefaultClientResources;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection to the Redis the replicas share ({@code REDIS_URL}: {@code redis://} or {@code rediss://} for TLS,
 * with an ACL user and password in the URL if the server wants them), used with short time-outs: every use is
 * {@link #run} and answers empty when Redis cannot be reached, so the caller falls back to what this process knows.
 * The connection is made on first use and again, at most once a second, after Redis went away; a warning is logged when
 * it goes and a line when it is back. Keys start with the configured prefix and a digest of the Cisco app's client ID,
 * so replicas of one app share and different apps (or a test run's private prefix) do not.
 */
public final class Redis implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Redis.class);
    /** A Cisco call waits for Redis no longer than this; beyond it, the replica decides alone. */
    static final Duration TIMEOUT = Duration.ofMillis(250);
    /** How often a lost connection is tried again. */
    public static final Duration RECONNECT_EVERY = Duration.ofSeconds(1);

    private final RedisClient client;
    private final ClientResources resources;
    private final String prefix;
    private StatefulRedisConnection<String, String> connection;
    private long lastAttempt = Long.MIN_VALUE;
    private volatile boolean down;

    /**
     * @param url       {@code REDIS_URL}
     * @param keyPrefix {@code REDIS_KEY_PREFIX}
     * @param ciscoApp  the Cisco app's client ID (only its digest is used)
     */
    public Redis(String url, String keyPrefix, String ciscoApp) {
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(TIMEOUT);
        this.resources = DefaultClientResources.builder().reconnectDelay(Delay.constant(RECONNECT_EVERY)).build();
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                // While disconnected a command fails at once (the caller falls back) instead of waiting in a queue.
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(TIMEOUT).build())
                .timeoutOptions(TimeoutOptions.enabled(TIMEOUT))
                .build());
        this.prefix = keyPrefix + ":" + digest(ciscoApp == null ? "" : ciscoApp).substring(0, 12) + ":";
    }

    /** The prefix of every key: the configured one and the Cisco app's digest, such as {@code csm:3f1c0a9e5b7d:}. */
    public String prefix() {
        return prefix;
    }

    /** Whether the last use failed (Redis unreachable): callers are on their own until a use succeeds. */
    public boolean down() {
        return down;
    }

    /** Runs {@code use} on Redis; empty when Redis cannot be reached or does not answer in time. */
    public <T> Optional<T> run(Function<RedisCommands<String, String>, T> use) {
        RedisCommands<String, String> commands = commands();
        if (commands == null) {
            return Optional.empty();
        }
        try {
            T result = use.apply(commands);
            if (down) {
                down = false;
                LOG.info("Redis answers again: the replicas share Cisco's quota, the cache and the limits once more");
            }
            return Optional.ofNullable(result);
        } catch (RuntimeException e) {
            failed(e);
            return Optional.empty();
        }
    }

    private synchronized RedisCommands<String, String> commands() {
        if (connection != null) {
            return connection.sync();
        }
        long now = System.nanoTime();
        if (lastAttempt != Long.MIN_VALUE && now - lastAttempt < RECONNECT_EVERY.toNanos()) {
            return null;
        }
        lastAttempt = now;
        try {
            connection = client.connect();
            return connection.sync();
        } catch (RuntimeException e) {
            failed(e);
            return null;
        }
    }

    private void failed(RuntimeException e) {
        if (!down) {
            down = true;
            // The URL may hold a password: only the kind of failure is logged.
            LOG.warn("Redis cannot be reached ({}): each replica keeps to its share of Cisco's quota"
                    + " (CISCO_QUOTA_REPLICAS) and its own cache and limits until it answers again", e.getClass().getSimpleName());
        }
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            connection.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        resources.shutdown(0, 1, java.util.concurrent.TimeUnit.SECONDS);
    }

    static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
