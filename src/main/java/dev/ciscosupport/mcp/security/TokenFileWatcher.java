package dev.ciscosupport.mcp.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@link TokenRegistry} in step with {@code MCP_BEARER_TOKEN_FILE}: the file is read at start
 * (a bad file, or one that others than its owner may write, stops the start) and checked every second; a
 * changed file replaces the file's tokens at once. A change that leaves the file bad (a line with a typo, a
 * mode that lets others write it) still revokes every token no longer in it, but adds none until the file is
 * right again, and says so in the log: a revocation always takes effect. Polling rather than a file watch,
 * because editors and secret managers replace files in ways watches miss.
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
        String unsafe = unsafeMode(file);
        if (unsafe != null) {
            throw new IllegalArgumentException(unsafe);
        }
        TokenFile.Contents contents = TokenFile.read(new String(content, StandardCharsets.UTF_8));
        if (!contents.problems().isEmpty()) {
            throw new IllegalArgumentException(contents.problems().get(0));
        }
        use(contents.tokens(), content);
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

    /** Why the file's mode lets anyone add a token, or null (and null where the file system has no modes). */
    static String unsafeMode(Path file) throws IOException {
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
            if (mode.contains(PosixFilePermission.OTHERS_WRITE)) {
                return "anyone on this machine may write it (mode " + PosixFilePermissions.toString(mode)
                        + "), and so add a token: chmod 600 it";
            }
            if (mode.contains(PosixFilePermission.GROUP_WRITE)) {
                // A umask of 002 (many Linux desktops) gives this to the owner's own group: worth a word, not a refusal.
                LOG.warn("MCP_BEARER_TOKEN_FILE {} may be written by its group (mode {}): chmod 600 it", file,
                        PosixFilePermissions.toString(mode));
            }
            return null;
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }

    private void use(List<AcceptedToken> tokens, byte[] content) {
        registry.replaceFileTokens(tokens);
        lastContent = content;
        LOG.info("MCP_BEARER_TOKEN_FILE: {} token(s): {}", tokens.size(),
                String.join(", ", tokens.stream().map(AcceptedToken::label).toList()));
    }

    void check() {
        try {
            byte[] content = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
            if (Arrays.equals(content, lastContent)) {
                return;
            }
            TokenFile.Contents contents = TokenFile.read(new String(content, StandardCharsets.UTF_8));
            List<String> problems = new ArrayList<>(contents.problems());
            String unsafe = Files.exists(file) ? unsafeMode(file) : null;
            if (unsafe != null) {
                problems.add(0, unsafe);
            }
            if (problems.isEmpty()) {
                use(contents.tokens(), content);
                return;
            }
            // Fail closed: keep only tokens that were valid and are still in the file.
            List<AcceptedToken> kept = registry.fileTokens().stream()
                    .filter(old -> contents.tokens().stream().anyMatch(t -> Arrays.equals(t.sha256(), old.sha256())))
                    .toList();
            registry.replaceFileTokens(kept);
            lastContent = content;
            LOG.warn("MCP_BEARER_TOKEN_FILE {} has problems ({}): tokens removed from it are revoked, tokens added to it"
                    + " wait until it is fixed; {} token(s) valid now", file, String.join("; ", problems), kept.size());
        } catch (IOException e) {
            LOG.warn("MCP_BEARER_TOKEN_FILE {} could not be read ({}); the previous tokens stay valid", file, e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
