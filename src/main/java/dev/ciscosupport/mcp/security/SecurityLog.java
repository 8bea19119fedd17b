package dev.ciscosupport.mcp.security;

import dev.ciscosupport.mcp.json.Json;
import java.io.PrintStream;
import java.nio.file.Path;
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
 *
 * <p>An HTTP server's access log is {@linkplain #batched batched}: its line per request is written by a thread of
 * its own. Security events are written before {@link #warn} or {@link #info} returns, after the lines logged
 * before them.
 */
public final class SecurityLog {
    /** As the guide's example: 2024-01-01T12:00:00.000Z, always with milliseconds. */
    private static final DateTimeFormatter TO_THE_SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(java.time.ZoneOffset.UTC);
    /** How many lines may wait for the batch writer before the threads that add them write them themselves. */
    private static final int MOST_WAITING = 10_000;
    private final LogLines lines;
    private final InstantSource clock;
    /**
     * The timestamp up to its second, formatted once a second rather than on every line (as logback does): the
     * formatter took half of this log's time, which is a line per HTTP request.
     */
    private volatile Second lastSecond = new Second(Long.MIN_VALUE, "");

    private record Second(long epochSecond, String text) {
    }

    /** Each line written at once, by the thread that logs it. */
    public SecurityLog(PrintStream err, Path file, InstantSource clock) {
        this.clock = clock;
        this.lines = new LogLines(err, file, this::fileFailed);
    }

    private SecurityLog(PrintStream err, Path file, InstantSource clock, int mostWaiting) {
        this.clock = clock;
        this.lines = new BatchedLogLines(err, file, this::fileFailed, mostWaiting);
    }

    /**
     * Lines written in batches by a thread of their own, at most about {@link BatchedLogLines#LINGER} after they are
     * logged; {@link #close()} writes what is left.
     */
    public static SecurityLog batched(PrintStream err, Path file, InstantSource clock) {
        return new SecurityLog(err, file, clock, MOST_WAITING);
    }

    /** Said on stderr, in this log's format, when {@code MCP_SECURITY_LOG_FILE} cannot be written. */
    private String fileFailed() {
        return line("error", "Cannot write MCP_SECURITY_LOG_FILE", NOBODY, Map.of());
    }

    /** Writes every line logged so far; lines logged later are written at once. */
    public void close() {
        lines.close();
    }

    /** Who sent a request, as the guide's fields name it. */
    public record Client(String ip, String userAgent, String endpoint) {
    }

    /** The server itself, for an event no request caused. */
    private static final Client NOBODY = new Client("", "", "");

    public void warn(String message, Client client, Map<String, Object> fields) {
        lines.write(line("warn", message, client, fields), true);
    }

    public void info(String message, Client client, Map<String, Object> fields) {
        lines.write(line("info", message, client, fields), true);
    }

    /** The access log's line for a request, message "request": in a batch, when this log is {@linkplain #batched batched}. */
    public void request(Client client, Map<String, Object> fields) {
        lines.write(line("info", "request", client, fields), false);
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

    private String line(String level, String message, Client client, Map<String, Object> fields) {
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
        return Json.MAPPER.writeValueAsString(line);
    }
}
