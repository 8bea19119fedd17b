package dev.ciscosupport.mcp.cli;

import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;
import java.io.PrintStream;

/**
 * Logback's own warnings and errors (an appender that cannot write, say), one line each on stderr. Without a listener
 * logback prints its status list at its start if it holds any, and only then; its printer's class set-up loads the
 * time-zone rules for a date format, ~8 ms of every start.
 */
final class StatusToStderr implements StatusListener {
    private final PrintStream err;

    StatusToStderr(PrintStream err) {
        this.err = err;
    }

    @Override
    public void addStatusEvent(Status status) {
        if (status.getEffectiveLevel() < Status.WARN) {
            return;
        }
        Throwable cause = status.getThrowable();
        err.println("logback " + (status.getEffectiveLevel() == Status.ERROR ? "error" : "warning") + ": "
                + status.getMessage() + (cause == null ? "" : " (" + cause + ")"));
    }

    /** Kept when the context is reset. */
    @Override
    public boolean isResetResistant() {
        return true;
    }
}
