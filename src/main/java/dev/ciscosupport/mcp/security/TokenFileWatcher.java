package dev.ciscosupport.mcp.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@link TokenRegistry} in step with {@code MCP_BEARER_TOKEN_FILE}: the file is read at start
 * (a bad file stops the start) and checked every second; a changed file replaces the file's tokens at
 * once. A file that turns bad later keeps the last good tokens and says so in the log. Polling rather
 * than a file watch, because editors and secret managers replace files in ways watches miss.
 */
public final class TokenFileWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TokenFileWatcher.class);
    private final Path file;
    private final TokenRegistry registry;
    private final ScheduledExecutorService timer;
    private byte[] lastContent;

    private TokenFileWatcher(Path file, TokenRegistry registry, Duration interval) throws IOException {
        this.file = file;
        this.registry = registry;
        byte[] content = Files.readAllBytes(file);
        load(content);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "token-file");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Loads the file into the registry and starts watching it.
     *
     * @throws IllegalArgumentException when the file cannot be read or has a bad line (the message names the line)
     */
    public static TokenFileWatcher start(Path file, TokenRegistry registry, Duration interval) {
        try {
            return new TokenFileWatcher(file, registry, interval);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file);
        }
    }

    private void load(byte[] content) {
        List<AcceptedToken> tokens = TokenFile.parse(new String(content, StandardCharsets.UTF_8));
        registry.replaceFileTokens(tokens);
        lastContent = content;
        LOG.info("MCP_BEARER_TOKEN_FILE: {} token(s): {}", tokens.size(),
                String.join(", ", tokens.stream().map(AcceptedToken::label).toList()));
    }

    private void check() {
        try {
            byte[] content = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
            if (!Arrays.equals(content, lastContent)) {
                load(content);
            }
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("MCP_BEARER_TOKEN_FILE {} could not be used ({}); the previous tokens stay valid", file, e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
