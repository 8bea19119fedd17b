package dev.ciscosupport.mcp.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The token file as people edit it: a Windows editor's byte order mark, a save with a typo, a mode that lets anyone
 * write it. Whatever the file looks like, a token removed from it stops working. The watcher's timer is set far off;
 * each test runs its check when it has changed the file.
 */
class TokenFileWatcherTest {
    static final String A = "token-a-0123456789abcdef";
    static final String B = "token-b-0123456789abcdef";
    static final String C = "token-c-0123456789abcdef";
    static final Duration NEVER = Duration.ofHours(1);

    final TokenRegistry registry = TokenRegistry.of(List.of());
    @TempDir
    Path dir;

    Path file(String text) throws Exception {
        Path file = dir.resolve("tokens");
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    @Test
    void aByteOrderMarkDoesNotHideTheFirstToken() throws Exception {
        TokenFileWatcher watcher = TokenFileWatcher.start(file("\uFEFF" + A + " first\n" + B + "\n"), registry, NEVER);
        try {
            assertThat(registry.check(A)).contains("first");
            assertThat(registry.check(B)).isPresent();
        } finally {
            watcher.close();
        }
    }

    @Test
    void aSaveWithATypoStillRevokesWhatItRemovesAndAddsNothing() throws Exception {
        Path file = file(A + "\n" + B + "\n");
        try (TokenFileWatcher watcher = TokenFileWatcher.start(file, registry, NEVER)) {
            Files.writeString(file, B + "\n" + C + "\nshort\n");
            watcher.check();
            assertThat(registry.check(A)).as("the token removed in the bad save").isEmpty();
            assertThat(registry.check(B)).isPresent();
            assertThat(registry.check(C)).as("the token added in the bad save").isEmpty();
            Files.writeString(file, B + "\n" + C + "\n");
            watcher.check();
            assertThat(registry.check(C)).as("once the file is right").isPresent();
        }
    }

    @Test
    void aFileAnyoneMayWriteIsRefusedAtStartAndAddsNothingLater() throws Exception {
        Path file = file(A + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertThatThrownBy(() -> TokenFileWatcher.start(file, registry, NEVER))
                .hasMessageContaining("anyone on this machine may write it").hasMessageContaining("chmod 600");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        try (TokenFileWatcher watcher = TokenFileWatcher.start(file, registry, NEVER)) {
            Files.writeString(file, C + "\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
            watcher.check();
            assertThat(registry.check(A)).isEmpty();
            assertThat(registry.check(C)).as("a token written into a world-writable file").isEmpty();
        }
    }
}
