package dev.ciscosupport.mcp.cisco;

/**
 * Lets a cancellation abort a request sent with the blocking {@code HttpClient.send}, on the thread that waits in it.
 *
 * <p>Why not {@code sendAsync} and cancelling its future: the JDK's client hands every {@code sendAsync} answer to
 * CompletableFuture's default executor, which on a machine of one or two cores is a new thread per task: a thread
 * started and ended for every request to Cisco (seen in JFR under load: 41,000 thread starts in 90 s). {@code send}
 * answers on the waiting thread, and an interrupt while it waits is the JDK's way to abort it (the exchange is
 * cancelled and its connection closed).
 *
 * <p>The interrupt reaches the sender only while it is sending: once {@link #done} has run, {@link #abort} does
 * nothing, and an interrupt of ours that the send did not consume is cleared, so no later work on that thread (a
 * Jetty thread, a pool's) ever sees it.
 */
final class AbortableSend {
    private final Thread sender = Thread.currentThread();
    private boolean sending = true;
    private boolean interrupted;

    /** Aborts the send in progress; nothing once it is over. Any thread. */
    synchronized void abort() {
        if (sending) {
            interrupted = true;
            sender.interrupt();
        }
    }

    /** The send is over (by the sender, answered or not): no interrupt from here on, and none of ours left behind. */
    synchronized void done() {
        sending = false;
        if (interrupted) {
            Thread.interrupted();
        }
    }

    /** Whether {@link #abort} interrupted the send, rather than someone else (the server stopping). */
    synchronized boolean aborted() {
        return interrupted;
    }
}
