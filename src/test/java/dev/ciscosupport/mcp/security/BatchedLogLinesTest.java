package dev.ciscosupport.mcp.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The HTTP server's access log, written by a thread of its own: every line arrives once, in the order it was
 * logged, without waiting for the server to stop; lines logged meanwhile go in one write; nothing is dropped when the
 * writer cannot keep up; a security event is written before its logging returns.
 */
class BatchedLogLinesTest {
    /** stderr as a test sees it: what was written, and how many writes (flushes) it took; it can be held shut. */
    private static final class Stderr extends OutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final AtomicInteger flushes = new AtomicInteger();
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch open = new CountDownLatch(1);
        volatile boolean held;

        @Override
        public synchronized void write(int b) {
            bytes.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
        }

        @Override
        public void flush() {
            flushes.incrementAndGet();
            if (held) {
                entered.countDown();
                try {
                    open.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        void release() {
            held = false;
            open.countDown();
        }

        synchronized List<String> lines() {
            return bytes.toString(StandardCharsets.UTF_8).lines().toList();
        }
    }

    private static BatchedLogLines lines(Stderr err, int mostWaiting) {
        return new BatchedLogLines(new PrintStream(err, false, StandardCharsets.UTF_8), null, () -> "cannot write the file",
                mostWaiting);
    }

    /** Lines whose writer has taken a first line and is held in its write until {@link Stderr#release()}. */
    private static BatchedLogLines heldInAFirstWrite(Stderr err, int mostWaiting) throws InterruptedException {
        err.held = true;
        BatchedLogLines lines = lines(err, mostWaiting);
        lines.write("first", false);
        assertThat(err.entered.await(30, TimeUnit.SECONDS)).as("the writer is writing the first line").isTrue();
        return lines;
    }

    @Test
    void linesFromManyThreadsArriveOnceEachInTheOrderEachThreadLoggedThem() throws Exception {
        Stderr err = new Stderr();
        BatchedLogLines lines = lines(err, 10_000);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            done.add(threads.submit(() -> {
                for (int i = 0; i < 500; i++) {
                    lines.write(thread + " " + i, false);
                }
            }));
        }
        for (Future<?> f : done) {
            f.get(30, TimeUnit.SECONDS);
        }
        threads.shutdown();
        lines.close();

        List<String> written = err.lines();
        assertThat(written).hasSize(8 * 500).doesNotHaveDuplicates();
        for (int t = 0; t < 8; t++) {
            String prefix = t + " ";
            assertThat(written.stream().filter(l -> l.startsWith(prefix)).map(l -> Integer.parseInt(l.substring(prefix.length()))))
                    .as("thread %d's lines", t).isSorted().hasSize(500);
        }
    }

    @Test
    void aLineIsWrittenWhileTheServerRunsWithoutWaitingForItToStop() throws Exception {
        Stderr err = new Stderr();
        BatchedLogLines lines = lines(err, 10_000);
        lines.write("alone", false);
        for (int i = 0; i < 300 && err.lines().isEmpty(); i++) {
            Thread.sleep(50);
        }
        assertThat(err.lines()).containsExactly("alone");
        lines.close();
    }

    @Test
    void linesLoggedWhileAWriteIsUnderWayGoOutTogetherInTheNextWrite() throws Exception {
        Stderr err = new Stderr();
        BatchedLogLines lines = heldInAFirstWrite(err, 10_000);
        for (int i = 0; i < 1000; i++) {
            lines.write("line " + i, false);
        }
        err.release();
        lines.close();

        assertThat(err.lines()).hasSize(1001).startsWith("first", "line 0").endsWith("line 999");
        assertThat(err.flushes).as("writes: the first line's, then the thousand lines'").hasValue(2);
    }

    @Test
    void whenTooManyLinesWaitTheThreadThatLogsWritesThemItselfAndNothingIsDropped() throws Exception {
        Stderr err = new Stderr();
        BatchedLogLines lines = heldInAFirstWrite(err, 10);
        Thread logging = new Thread(() -> {
            for (int i = 0; i < 20; i++) {
                lines.write("line " + i, false);
            }
        });
        logging.start();
        // The eleventh line finds ten waiting: its thread writes them, and waits for the write under way to end.
        for (int i = 0; i < 600 && logging.getState() != Thread.State.BLOCKED; i++) {
            Thread.sleep(50);
        }
        assertThat(logging.getState()).as("the logging thread, held back by a writer that cannot keep up")
                .isEqualTo(Thread.State.BLOCKED);
        err.release();
        logging.join(30_000);
        lines.close();

        List<String> expected = new ArrayList<>(List.of("first"));
        for (int i = 0; i < 20; i++) {
            expected.add("line " + i);
        }
        assertThat(err.lines()).containsExactlyElementsOf(expected);
    }

    @Test
    void aSecurityEventIsWrittenBeforeItsLoggingReturnsAfterTheLinesLoggedBeforeIt() {
        Stderr err = new Stderr();
        BatchedLogLines lines = lines(err, 10_000);
        lines.write("request 1", false);
        lines.write("request 2", false);
        lines.write("Authentication failed", true);

        assertThat(err.lines()).containsExactly("request 1", "request 2", "Authentication failed");
        lines.close();
    }

    @Test
    void aLineLoggedAfterCloseIsWrittenAtOnce() {
        Stderr err = new Stderr();
        BatchedLogLines lines = lines(err, 10_000);
        lines.write("before", false);
        lines.close();
        assertThat(err.lines()).containsExactly("before");
        lines.write("after", false);
        assertThat(err.lines()).containsExactly("before", "after");
    }
}
