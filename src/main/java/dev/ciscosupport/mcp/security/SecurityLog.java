package dev.ciscosupport.mcp.security;

import dev.ciscosupport.mcp.json.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.InstantSource;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Security events and the access log, one JSON object per line on stderr (and appended to a file when
 * one is configured), with the security guide's fields first: {@code timestamp} (ISO-8601 UTC),
 * {@code level}, {@code message}, {@code ip}, {@code userAgent}, {@code endpoint}; then the event's own
 * fields. Callers pass paths without query strings and token labels, never tokens.
 */
public final class SecurityLog {
    /** As the guide's example: 2024-01-01T12:00:00.000Z, always with milliseconds. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(java.time.ZoneOffset.UTC);
    private final PrintStream err;
    private final Path file;
    private final InstantSource clock;

    public SecurityLog(PrintStream err, Path file, InstantSource clock) {
        this.err = err;
        this.file = file;
        this.clock = clock;
    }

    /** Who sent a request, as the guide's fields name it. */
    public record Client(String ip, String userAgent, String endpoint) {
    }

    public void warn(String message, Client client, Map<String, Object> fields) {
        write("warn", message, client, fields);
    }

    public void info(String message, Client client, Map<String, Object> fields) {
        write("info", message, client, fields);
    }

    private void write(String level, String message, Client client, Map<String, Object> fields) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("timestamp", TIMESTAMP.format(clock.instant()));
        line.put("level", level);
        line.put("message", message);
        line.put("ip", client.ip());
        line.put("userAgent", client.userAgent() == null ? "" : client.userAgent());
        line.put("endpoint", client.endpoint());
        fields.forEach((k, v) -> {
            if (v != null) {
                line.put(k, v);
            }
        });
        String json = Json.MAPPER.writeValueAsString(line);
        synchronized (this) {
            err.println(json);
            if (file != null) {
                try {
                    Files.writeString(file, json + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                            StandardOpenOption.APPEND);
                } catch (IOException e) {
                    err.println("{\"level\":\"error\",\"message\":\"cannot write MCP_SECURITY_LOG_FILE\"}");
                }
            }
        }
    }
}
