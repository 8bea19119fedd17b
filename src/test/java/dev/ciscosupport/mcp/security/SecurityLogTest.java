package dev.ciscosupport.mcp.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Each line's timestamp is ISO-8601 UTC with milliseconds, as the security guide's example, whatever the instant. */
class SecurityLogTest {
    @Test
    void timestampsAlwaysCarryThreeDigitsOfMillisecondsAndFollowTheClockAcrossSeconds() {
        AtomicReference<Instant> now = new AtomicReference<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SecurityLog log = new SecurityLog(new PrintStream(out, true, StandardCharsets.UTF_8), null, now::get);
        SecurityLog.Client client = new SecurityLog.Client("127.0.0.1", "test", "/mcp");
        for (String instant : new String[] {"2024-01-01T12:00:00Z", "2024-01-01T12:00:00.005Z", "2024-01-01T12:00:00.045999Z",
                "2024-01-01T12:00:01.123Z", "2024-12-31T23:59:59.999Z", "2025-01-01T00:00:00.010Z"}) {
            now.set(Instant.parse(instant));
            log.info("request", client, Map.of());
        }
        assertThat(out.toString(StandardCharsets.UTF_8).lines().map(l -> l.replaceAll(".*\"timestamp\":\"([^\"]+)\".*", "$1")))
                .containsExactly("2024-01-01T12:00:00.000Z", "2024-01-01T12:00:00.005Z", "2024-01-01T12:00:00.045Z",
                        "2024-01-01T12:00:01.123Z", "2024-12-31T23:59:59.999Z", "2025-01-01T00:00:00.010Z");
    }
}
