package dev.ciscosupport.mcp.smartbonding;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;

/**
 * The upload credentials Cisco sent for each ticket, kept by the server so that the model never has to carry a
 * ticket's token: an upload names the ticket, and the token Cisco sent for it is used. Kept in memory only (a restart
 * forgets them; the next pull that carries them brings them back), and never past the expiry Cisco gave.
 */
public final class UploadCredentials {
    /** Cisco's tokens last 72 days from the case's creation ("Attachment Information"). */
    private static final Duration LONGEST = Duration.ofDays(72);
    private final Cache<String, PulledMessage.Upload> byTicket = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(LONGEST).build();
    private final InstantSource clock;

    public UploadCredentials(InstantSource clock) {
        this.clock = clock;
    }

    public void keep(PulledMessage.Upload upload) {
        byTicket.put(upload.ticketNumber(), upload);
    }

    /** The credentials Cisco sent for {@code ticketNumber}, unless they have expired. */
    public Optional<PulledMessage.Upload> of(String ticketNumber) {
        PulledMessage.Upload upload = byTicket.getIfPresent(ticketNumber);
        if (upload == null || upload.expires().isPresent() && !clock.instant().isBefore(upload.expires().get())) {
            return Optional.empty();
        }
        return Optional.of(upload);
    }
}
