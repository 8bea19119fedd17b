package dev.ciscosupport.mcp.server;

import dev.ciscosupport.mcp.config.SupportApi;
import dev.ciscosupport.mcp.json.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the entitlement checks found for one Cisco app, kept in a small file for a day, so that a start within that day
 * asks Cisco nothing: a desktop client starts this server for every conversation, and eight probes at each start cost
 * more requests than a short session makes. One file per Cisco app and API host (its name is a hash of both, not the
 * client id itself). A finding older than {@link #FRESH_FOR} counts as none; an unreadable or unwritable file only
 * means nothing is remembered (the server then checks, as without it).
 */
public final class EntitlementMemory {
    static final Duration FRESH_FOR = Duration.ofHours(24);
    private static final Logger LOG = LoggerFactory.getLogger(EntitlementMemory.class);

    private final Path file;
    private final InstantSource clock;

    private EntitlementMemory(Path file, InstantSource clock) {
        this.file = file;
        this.clock = clock;
    }

    /** Remembers nothing: every start checks. */
    public static EntitlementMemory none() {
        return new EntitlementMemory(null, InstantSource.system());
    }

    /** The findings for the app {@code clientId} at {@code apiBase}, in {@code folder} (none when it is null). */
    public static EntitlementMemory in(Path folder, String clientId, URI apiBase, InstantSource clock) {
        if (folder == null || clientId == null) {
            return none();
        }
        return new EntitlementMemory(folder.resolve("entitlements-" + hash(clientId + "\n" + apiBase) + ".json"), clock);
    }

    /** The findings younger than a day: for each API, whether the app is entitled to it. */
    public Map<SupportApi, Boolean> fresh() {
        Map<SupportApi, Boolean> found = new EnumMap<>(SupportApi.class);
        Instant oldest = clock.instant().minus(FRESH_FOR);
        JsonNode saved = read();
        for (SupportApi api : SupportApi.values()) {
            JsonNode finding = saved.path(api.settingName());
            Instant checked = parse(finding.path("checked").asString(""));
            if (checked != null && checked.isAfter(oldest) && !checked.isAfter(clock.instant())
                    && finding.path("entitled").isBoolean()) {
                found.put(api, finding.path("entitled").asBoolean());
            }
        }
        return found;
    }

    /** Keeps what a probe (or a refused call) just showed. */
    public synchronized void record(SupportApi api, boolean entitled) {
        if (file == null) {
            return;
        }
        JsonNode saved = read();
        ObjectNode all = saved.isObject() ? (ObjectNode) saved : Json.MAPPER.createObjectNode();
        all.putObject(api.settingName()).put("entitled", entitled).put("checked", clock.instant().toString());
        try {
            Files.createDirectories(file.getParent());
            Path written = Files.createTempFile(file.getParent(), "entitlements", ".tmp");
            Files.writeString(written, Json.MAPPER.writeValueAsString(all), StandardCharsets.UTF_8);
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not keep the entitlement findings in {}: {}", file, e.toString());
        }
    }

    private JsonNode read() {
        if (file == null || !Files.isRegularFile(file)) {
            return Json.MAPPER.createObjectNode();
        }
        try {
            return Json.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | JacksonException e) {
            LOG.debug("Ignoring unreadable entitlement findings in {}: {}", file, e.toString());
            return Json.MAPPER.createObjectNode();
        }
    }

    private static Instant parse(String text) {
        try {
            return text.isEmpty() ? null : Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
