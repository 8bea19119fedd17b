package dev.ciscosupport.mcp.cisco.resilience;

import dev.ciscosupport.mcp.cisco.call.CiscoException;
import dev.ciscosupport.mcp.config.SupportApi;
import dev.ciscosupport.mcp.metrics.Meters;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops calling one Cisco API for a while after it failed several calls in a row (each call already
 * retried), so a Cisco outage is met with an immediate, clear answer instead of every caller waiting
 * for timeouts, and Cisco is not pressed while it recovers. After the pause one call is let through as
 * a probe: if it succeeds the API is used again, if it fails the pause starts over.
 */
public final class CircuitBreaker {
    private static final Logger LOG = LoggerFactory.getLogger(CircuitBreaker.class);

    private final SupportApi api;
    private final int threshold;
    private final Duration openFor;
    private final TimeSource time;
    private int failuresInARow;
    private boolean open;
    private long openUntil;
    private boolean probing;

    public CircuitBreaker(SupportApi api, int threshold, Duration openFor, TimeSource time) {
        this.api = api;
        this.threshold = threshold;
        this.openFor = openFor;
        this.time = time;
        Meters.breakerOpen(api.settingName(), false);
    }

    /** Lets the call through, or throws the sentence that says why and for how long it is refused. */
    public synchronized void beforeCall() {
        if (!open) {
            return;
        }
        long left = openUntil - time.nanos();
        if (left <= 0 && !probing) {
            probing = true; // this call is the probe; the others keep failing fast until it is done
            return;
        }
        long seconds = TimeSource.secondsRoundedUp(left);
        throw new CiscoException.Unavailable("Cisco's " + api.displayName() + " failed " + threshold
                + " calls in a row, so this server is not calling it for " + (left > 0 ? seconds + " more s" : "a moment")
                + " to let it recover. Try again in " + seconds + " s.", false);
    }

    public synchronized void succeeded() {
        if (open) {
            LOG.info("Cisco's {} answered again; calls to it resume", api.displayName());
        }
        failuresInARow = 0;
        if (open) {
            Meters.breakerOpen(api.settingName(), false);
        }
        open = false;
        probing = false;
    }

    public synchronized void failed() {
        failuresInARow++;
        if (probing || failuresInARow >= threshold) {
            if (!open || probing) {
                LOG.warn("Cisco's {} failed {} calls in a row; calls to it fail fast for {} s", api.displayName(),
                        failuresInARow, openFor.toSeconds());
            }
            open = true;
            Meters.breakerOpen(api.settingName(), true);
            probing = false;
            openUntil = time.nanos() + openFor.toNanos();
        }
    }

    /** A call that was let through ended without telling anything about Cisco's health (refused input, say). */
    public synchronized void released() {
        probing = false;
    }
}
