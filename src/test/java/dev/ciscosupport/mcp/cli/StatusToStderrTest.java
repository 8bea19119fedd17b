package dev.ciscosupport.mcp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.status.ErrorStatus;
import ch.qos.logback.core.status.InfoStatus;
import ch.qos.logback.core.status.WarnStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StatusToStderrTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final LoggerContext context = new LoggerContext();

    StatusToStderrTest() {
        context.getStatusManager().add(new StatusToStderr(new PrintStream(err, true, StandardCharsets.UTF_8)));
    }

    @Test
    void logbacksWarningsAndErrorsAreALineEachAndItsNewsIsNot() {
        context.getStatusManager().add(new InfoStatus("Found configurator", this));
        context.getStatusManager().add(new WarnStatus("No encoder set for the appender named [X]", this));
        context.getStatusManager().add(new ErrorStatus("Could not write to stderr", this,
                new java.io.IOException("Broken pipe")));
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "logback warning: No encoder set for the appender named [X]",
                "logback error: Could not write to stderr (java.io.IOException: Broken pipe)");
    }

    /** With this listener present logback no longer prints its status list at its start, so it must outlive a reset. */
    @Test
    void itOutlivesAResetOfTheContext() {
        context.reset();
        context.getStatusManager().add(new WarnStatus("after the reset", this));
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("logback warning: after the reset" + System.lineSeparator());
    }
}
