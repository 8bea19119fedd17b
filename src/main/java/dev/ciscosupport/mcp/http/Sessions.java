package dev.ciscosupport.mcp.http;

import dev.ciscosupport.mcp.config.SessionLimits;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The live MCP sessions of HTTP mode, each with the caller that opened it (a fingerprint of its token, never its label,
 * which two tokens may share), when it was last used, and how many of its requests are in flight. Sessions idle for
 * longer than the limit are closed; the number of sessions is capped per caller and in total. Closing a session here
 * also closes it in the SDK's transport ({@code close}), which is what frees its memory.
 */
final class Sessions {
    /** What {@link #admit} decided for a new session. */
    enum Admission { OPEN, FULL }

    static final class Session {
        final String id;
        final String owner;
        private Instant lastUsed;
        /** The order of last use, for "least recently used" when several were used within one tick of the clock. */
        private long touched;
        private int inFlight;

        private Session(String id, String owner, Instant now, long touched) {
            this.id = id;
            this.owner = owner;
            this.lastUsed = now;
            this.touched = touched;
        }

        synchronized void enter(Instant now, long order) {
            inFlight++;
            lastUsed = now;
            touched = order;
        }

        synchronized void leave(Instant now, long order) {
            inFlight--;
            lastUsed = now;
            touched = order;
        }

        synchronized long touched() {
            return touched;
        }

        synchronized boolean idleSince(Instant cutoff) {
            return inFlight == 0 && lastUsed.isBefore(cutoff);
        }

        synchronized boolean idle() {
            return inFlight == 0;
        }
    }

    private final Map<String, Session> live = new ConcurrentHashMap<>();
    private final AtomicLong uses = new AtomicLong();
    private final SessionLimits limits;
    private final InstantSource clock;
    private final Consumer<String> close;

    /** @param close closes a session in the transport, by its id */
    Sessions(SessionLimits limits, InstantSource clock, Consumer<String> close) {
        this.limits = limits;
        this.clock = clock;
        this.close = close;
    }

    int size() {
        return live.size();
    }

    /**
     * Makes room for a new session of {@code caller}: closes idle sessions, and the caller's least recently used idle
     * one when it is at its own cap. FULL when the server is at its total cap (or the caller at its cap with every one
     * of its sessions busy).
     */
    synchronized Admission admit(String caller) {
        closeIdle();
        if (live.size() >= limits.total()) {
            return Admission.FULL;
        }
        long mine = live.values().stream().filter(s -> s.owner.equals(caller)).count();
        if (mine < limits.perClient()) {
            return Admission.OPEN;
        }
        Optional<Session> oldest = live.values().stream()
                .filter(s -> s.owner.equals(caller) && s.idle())
                .min(Comparator.comparingLong(Session::touched));
        if (oldest.isEmpty()) {
            return Admission.FULL;
        }
        end(oldest.get().id);
        return Admission.OPEN;
    }

    void opened(String id, String caller) {
        live.put(id, new Session(id, caller, clock.instant(), uses.incrementAndGet()));
    }

    void enter(Session session) {
        session.enter(clock.instant(), uses.incrementAndGet());
    }

    void leave(Session session) {
        session.leave(clock.instant(), uses.incrementAndGet());
    }

    /** The live session with this id; a session past its idle limit is closed now and is not found. */
    Optional<Session> find(String id) {
        Session session = live.get(id);
        if (session != null && session.idleSince(cutoff())) {
            end(id);
            return Optional.empty();
        }
        return Optional.ofNullable(session);
    }

    /** The client ended the session itself (DELETE): nothing left to close. */
    void forget(String id) {
        live.remove(id);
    }

    /** Closes every session idle past the limit; run at each new session and on a timer. */
    synchronized void closeIdle() {
        Instant cutoff = cutoff();
        live.values().stream().filter(s -> s.idleSince(cutoff)).map(s -> s.id).toList().forEach(this::end);
    }

    private Instant cutoff() {
        return clock.instant().minus(limits.idle());
    }

    private void end(String id) {
        if (live.remove(id) != null) {
            close.accept(id);
        }
    }
}
