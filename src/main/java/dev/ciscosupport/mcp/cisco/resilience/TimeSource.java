package dev.ciscosupport.mcp.cisco.resilience;

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
    };

    long nanos();

    void sleep(Duration duration) throws InterruptedException;
}
