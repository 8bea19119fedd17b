package dev.ciscosupport.mcp.security;

import dev.ciscosupport.mcp.json.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
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
    private static final DateTimeFormatter TO_THE_SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(java.time.ZoneOffset.UTC);
    private final PrintStream err;
    private final Path file;
    private final InstantSource clock;
    /**
     * The timestamp up to its second, formatted once a second rather than on every line (as logback does): the
     * formatter took half of this log's time, which is a line per HTTP request.
     */
    private volatile Second lastSecond = new Second(Long.MIN_VALUE, "");

    private record Second(long epochSecond, String text) {
    }

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

    private String timestamp(Instant now) {
        Second second = lastSecond;
        if (second.epochSecond() != now.getEpochSecond()) {
            second = new Second(now.getEpochSecond(), TO_THE_SECOND.format(now));
            lastSecond = second;
        }
        int millis = now.getNano() / 1_000_000;
        return second.text() + (millis < 10 ? ".00" : millis < 100 ? ".0" : ".") + millis + "Z";
    }

    private void write(String level, String message, Client client, Map<String, Object> fields) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("timestamp", timestamp(clock.instant()));
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
