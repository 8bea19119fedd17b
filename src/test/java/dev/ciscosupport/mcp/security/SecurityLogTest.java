package dev.ciscosupport.mcp.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

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

    @Test
    void aLogFileThatCannotBeWrittenIsSaidOnStderrInTheLogsOwnFormat(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Path file = dir.resolve("no-such-folder").resolve("security.log");
        SecurityLog log = new SecurityLog(new PrintStream(out, true, StandardCharsets.UTF_8), file,
                () -> Instant.parse("2026-12-02T04:40:00.123Z"));
        log.warn("Invalid token attempt", new SecurityLog.Client("127.0.0.1", "curl/8", "/mcp"), Map.of());

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("\"message\":\"Invalid token attempt\"");
        JsonNode failed = Json.MAPPER.readTree(lines.get(1));
        assertThat(failed.propertyNames()).startsWith("timestamp", "level", "message", "ip", "userAgent", "endpoint");
        assertThat(failed.path("timestamp").asString()).isEqualTo("2026-12-02T04:40:00.123Z");
        assertThat(failed.path("level").asString()).isEqualTo("error");
        assertThat(failed.path("message").asString()).isEqualTo("Cannot write MCP_SECURITY_LOG_FILE");
    }
}
