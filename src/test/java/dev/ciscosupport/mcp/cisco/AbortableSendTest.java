package dev.ciscosupport.mcp.cisco;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A cancellation aborts a request by interrupting the thread that waits for Cisco's answer; that thread goes on to
 * other work (a Jetty thread, a pool's), so an interrupt must never outlive the send it was meant for.
 */
class AbortableSendTest {
    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void anAbortWhileSendingInterruptsTheSender() {
        AbortableSend sending = new AbortableSend();
        abortFromAnotherThread(sending);
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
        assertThat(sending.aborted()).isTrue();
    }

    @Test
    void anAbortThatCameAsTheAnswerDidLeavesNoInterruptBehind() {
        AbortableSend sending = new AbortableSend();
        sending.abort(); // the cancel ran, but the send had already returned its answer
        sending.done();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void anAbortAfterTheSendIsOverDoesNothing() {
        AbortableSend sending = new AbortableSend();
        sending.done();
        abortFromAnotherThread(sending);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(sending.aborted()).isFalse();
    }

    @Test
    void anInterruptFromElsewhereIsKept() {
        AbortableSend sending = new AbortableSend();
        Thread.currentThread().interrupt(); // the server is stopping
        sending.done();
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
        assertThat(sending.aborted()).isFalse();
    }

    /** As a client's cancel arrives: on another thread. Waited for without join(), which an interrupt would end. */
    private static void abortFromAnotherThread(AbortableSend sending) {
        Thread canceller = new Thread(sending::abort);
        canceller.start();
        while (canceller.isAlive()) {
            Thread.onSpinWait();
        }
    }
}
