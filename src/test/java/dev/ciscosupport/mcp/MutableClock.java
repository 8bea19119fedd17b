package dev.ciscosupport.mcp;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock tests move by hand, so time-based rules are tested without sleeping. */
public final class MutableClock implements InstantSource {
    private volatile Instant now;

    public MutableClock(Instant start) {
        this.now = start;
    }

    public static MutableClock at2026() {
        return new MutableClock(Instant.parse("2026-11-26T08:00:00Z"));
    }

    @Override
    public Instant instant() {
        return now;
    }

    public void advance(Duration by) {
        now = now.plus(by);
    }
}
