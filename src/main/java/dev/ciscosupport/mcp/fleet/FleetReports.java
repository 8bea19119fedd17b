package dev.ciscosupport.mcp.fleet;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The fleet reports of this process, each readable by its caller alone (the bearer token's fingerprint, the session or
 * stdio, as the Case cache keys them) for a while ({@code FLEET_REPORT_MINUTES}); then gone. Another caller asking for
 * one is told it does not exist, the same as for one that never did. Kept in memory, at most {@link #MAX_BYTES}.
 */
public final class FleetReports {
    /** The URI of every report starts so: {@code cisco://fleet/reports/<id>.csv} and {@code <id>.md}. */
    public static final String URI_PREFIX = "cisco://fleet/reports/";
    public static final String URI_TEMPLATE = URI_PREFIX + "{report}";
    static final long MAX_BYTES = 64L * 1024 * 1024;
    /** Made at the first report, not when the tools are built: seeding it took 10 ms of every start. */
    private static final class Ids {
        static final SecureRandom RANDOM = new SecureRandom();
    }
    private final Cache<String, Stored> reports;

    /** One report's files and whose they are. */
    private record Stored(String caller, String csv, String markdown) {
        int bytes() {
            return csv.length() + markdown.length();
        }
    }

    /** A file of a report, as a resource read returns it. */
    public record File(String uri, String mimeType, String text) {
    }

    public FleetReports(Duration kept) {
        this(kept, Ticker.systemTicker());
    }

    /** @param ticker the clock reports expire on (a test's) */
    FleetReports(Duration kept, Ticker ticker) {
        reports = Caffeine.newBuilder().expireAfterWrite(kept).maximumWeight(MAX_BYTES).ticker(ticker)
                .weigher((String id, Stored s) -> s.bytes()).build();
    }

    /** Keeps a report for {@code caller}; returns its ID (128 random bits: not guessable, and private anyway). */
    String keep(String caller, String csv, String markdown) {
        byte[] bytes = new byte[16];
        Ids.RANDOM.nextBytes(bytes);
        String id = HexFormat.of().formatHex(bytes);
        reports.put(id, new Stored(caller, csv, markdown));
        return id;
    }

    /** The file {@code uri} names, if it is {@code caller}'s and still kept. */
    public Optional<File> read(String uri, String caller) {
        if (!uri.startsWith(URI_PREFIX)) {
            return Optional.empty();
        }
        String name = uri.substring(URI_PREFIX.length());
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        Stored stored = reports.getIfPresent(name.substring(0, dot));
        if (stored == null || !stored.caller().equals(caller)) {
            return Optional.empty();
        }
        return switch (name.substring(dot + 1)) {
            case "csv" -> Optional.of(new File(uri, "text/csv", stored.csv()));
            case "md" -> Optional.of(new File(uri, "text/markdown", stored.markdown()));
            default -> Optional.empty();
        };
    }

    static long size(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
