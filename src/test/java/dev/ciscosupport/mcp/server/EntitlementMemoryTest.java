package dev.ciscosupport.mcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.config.SupportApi;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntitlementMemoryTest {
    private static final URI CISCO = URI.create("https://apix.cisco.com");
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-30T08:00:00Z"));
    private final InstantSource clock = () -> now.get();

    @TempDir
    Path folder;

    @Test
    void whatAStartFoundIsKnownToTheNextStartForADay() {
        EntitlementMemory.in(folder, "app-1", CISCO, clock).record(SupportApi.BUG, false);
        EntitlementMemory.in(folder, "app-1", CISCO, clock).record(SupportApi.PSIRT, true);

        now.set(now.get().plus(Duration.ofHours(23)));
        assertThat(EntitlementMemory.in(folder, "app-1", CISCO, clock).fresh())
                .isEqualTo(Map.of(SupportApi.BUG, false, SupportApi.PSIRT, true));

        now.set(now.get().plus(Duration.ofHours(2)));
        assertThat(EntitlementMemory.in(folder, "app-1", CISCO, clock).fresh()).as("older than a day").isEmpty();
    }

    @Test
    void eachAppAndApiHostHasItsOwnFindingsAndTheFileDoesNotNameTheApp() throws Exception {
        EntitlementMemory.in(folder, "app-1", CISCO, clock).record(SupportApi.BUG, false);
        assertThat(EntitlementMemory.in(folder, "app-2", CISCO, clock).fresh()).isEmpty();
        assertThat(EntitlementMemory.in(folder, "app-1", URI.create("http://127.0.0.1:8089"), clock).fresh()).isEmpty();
        try (var files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString())).singleElement().asString()
                    .startsWith("entitlements-").doesNotContain("app-1");
        }
    }

    @Test
    void anUnreadableOrUnwritableFileOnlyMeansNothingIsKnown() throws Exception {
        EntitlementMemory memory = EntitlementMemory.in(folder, "app-1", CISCO, clock);
        memory.record(SupportApi.BUG, true);
        try (var files = Files.list(folder)) {
            Files.writeString(files.findFirst().orElseThrow(), "{not json");
        }
        assertThat(memory.fresh()).isEmpty();

        Path notAFolder = Files.writeString(folder.resolve("plain-file"), "x");
        EntitlementMemory nowhere = EntitlementMemory.in(notAFolder, "app-1", CISCO, clock);
        nowhere.record(SupportApi.BUG, true);
        assertThat(nowhere.fresh()).isEmpty();
        assertThat(EntitlementMemory.none().fresh()).isEmpty();
    }

    @Test
    void aFindingFromTheFutureIsNotTrusted() {
        EntitlementMemory.in(folder, "app-1", CISCO, clock).record(SupportApi.EOX, true);
        now.set(now.get().minus(Duration.ofHours(1))); // the clock was set back
        assertThat(EntitlementMemory.in(folder, "app-1", CISCO, clock).fresh()).isEmpty();
    }
}
