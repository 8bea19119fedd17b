package dev.ciscosupport.mcp.cisco.resilience;

import dev.ciscosupport.mcp.cisco.call.CallContext;
import java.time.Duration;

/** Monotonic time and sleeping, in one place so tests replace both and never sleep for real. */
public interface TimeSource {
    TimeSource SYSTEM = new TimeSource() {
        @Override
        public long nanos() {
            return System.nanoTime();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            if (!duration.isNegative() && !duration.isZero()) {
                Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));
            }
        }

        @Override
        public boolean sleep(Duration duration, CallContext call) throws InterruptedException {
            return call.pause(duration); // woken early when the call is cancelled
        }
    };

    long nanos();

    /** A wait in whole seconds for people, rounded up, never below one. */
    static long secondsRoundedUp(long nanos) {
        return Math.max(1, (Math.max(0, nanos) + 999_999_999L) / 1_000_000_000L);
    }

    void sleep(Duration duration) throws InterruptedException;

    /**
     * Sleeps for {@code call}, unless it is cancelled.
     *
     * @return false when the call was cancelled; the caller then stops
     */
    default boolean sleep(Duration duration, CallContext call) throws InterruptedException {
        if (call.cancelled()) {
            return false;
        }
        sleep(duration);
        return !call.cancelled();
    }
}
