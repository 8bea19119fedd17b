package dev.ciscosupport.mcp.replay;

import dev.ciscosupport.mcp.server.Entitlements;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Entitlement probes that run when the test says, so no test waits for a minute to pass. */
final class ManualRechecks implements Entitlements.Rechecks {
    private record Pending(Duration delay, Runnable probe) {
    }

    private final List<Pending> pending = new ArrayList<>();

    @Override
    public synchronized void after(Duration delay, Runnable probe) {
        pending.add(new Pending(delay, probe));
    }

    /** The delays the probes waiting now were scheduled with. */
    synchronized List<Duration> delays() {
        return pending.stream().map(Pending::delay).toList();
    }

    /** Runs every probe waiting now (as if its time had come); those they schedule wait for the next call. */
    void runPending() {
        List<Pending> due;
        synchronized (this) {
            due = new ArrayList<>(pending);
            pending.clear();
        }
        due.forEach(p -> p.probe().run());
    }
}
