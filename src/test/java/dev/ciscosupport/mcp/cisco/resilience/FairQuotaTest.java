package dev.ciscosupport.mcp.cisco.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.cisco.call.CallContext;
import dev.ciscosupport.mcp.config.Quota;
import dev.ciscosupport.mcp.config.SupportApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, item 5: one caller's flood of Cisco calls cannot book the shared quota ahead of everyone else. Time is the
 * test's: a sleeping call wakes only when the test moves the clock past its turn, so who went when is exact.
 */
class FairQuotaTest {
    static final Duration WINDOW = Duration.ofSeconds(1).plus(QuotaLimiter.ARRIVAL_MARGIN);
    final SteppedTime time = new SteppedTime();
    final QuotaLimiter limiter = new QuotaLimiter(Map.of(SupportApi.BUG, Quota.parse("5/s")), Duration.ofMinutes(2), time);
    final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    /** One call to the Bug API as {@code caller}; the time (on the test's clock) its turn came. */
    Future<Long> call(String caller) {
        return threads.submit(() -> {
            limiter.acquire(SupportApi.BUG, new CallContext(caller, CallContext.Listener.NONE));
            return time.nanos();
        });
    }

    @Test
    void aFloodOfOneCallerDelaysAnothersLookupByAFewTurnsOnly() throws Exception {
        long start = time.nanos();
        List<Future<Long>> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            calls.add(call("token:flood"));
        }
        // 5 go at once, 2 hold the next turns, the other 33 wait behind their own: not 7 windows of quota booked ahead.
        settle(calls);
        assertThat(time.sleepers()).isEqualTo((long) QuotaLimiter.AHEAD_PER_CALLER);
        Future<Long> lookup = call("token:lookup");
        calls.add(lookup);
        settle(calls);
        for (int i = 0; i < 20 && calls.stream().anyMatch(f -> !f.isDone()); i++) {
            time.advance(WINDOW);
            settle(calls);
        }
        assertThat(Duration.ofNanos(lookup.get(10, java.util.concurrent.TimeUnit.SECONDS) - start)).as("the lookup's wait behind a flood of 40 calls")
                .isEqualTo(WINDOW);
        List<Long> turns = new ArrayList<>();
        for (Future<Long> call : calls) {
            turns.add(call.get(10, java.util.concurrent.TimeUnit.SECONDS));
        }
        // Alone, a caller still gets every turn: 41 calls at 5 per window are done in the ninth.
        assertThat(Duration.ofNanos(java.util.Collections.max(turns) - start)).isEqualTo(WINDOW.multipliedBy(8));
    }

    /**
     * Waits until every call not done is asleep until its turn or queued behind its caller's: nothing moves by itself.
     * The counts are read one after another while threads move between them, so a single reading can add up by chance
     * in passing (seen once in a CI run): the state must read settled three times in a row, 10 ms apart.
     */
    private void settle(List<Future<Long>> calls) throws InterruptedException {
        java.util.function.BooleanSupplier still = () -> time.sleepers() + limiter.queued(SupportApi.BUG)
                == calls.stream().filter(f -> !f.isDone()).count();
        int settledReadings = 0;
        for (int i = 0; i < 1_000 && settledReadings < 3; i++) {
            Thread.sleep(10);
            settledReadings = still.getAsBoolean() ? settledReadings + 1 : 0;
        }
        assertThat(settledReadings).as("the calls reached their waits within 10 s").isEqualTo(3);
    }

    /** Time that moves only when the test says; a sleep blocks until the clock has passed its end. */
    static final class SteppedTime implements TimeSource {
        private long now = 1_000_000_000_000L;
        private final List<Long> sleeping = new ArrayList<>();

        @Override
        public synchronized long nanos() {
            return now;
        }

        @Override
        public synchronized void sleep(Duration duration) throws InterruptedException {
            Long until = now + duration.toNanos();
            sleeping.add(until);
            try {
                while (now - until < 0) {
                    wait();
                }
            } finally {
                sleeping.remove(until);
            }
        }

        synchronized void advance(Duration by) {
            now += by.toNanos();
            notifyAll();
        }

        /** Calls asleep until a time still to come (one whose time has come is running, even if not yet awake). */
        synchronized long sleepers() {
            return sleeping.stream().filter(until -> now - until < 0).count();
        }
    }
}
