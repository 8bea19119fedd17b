package dev.ciscosupport.mcp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The hand-written log line against logback's own pattern layout, which it replaces: the same text for each event. */
class LogLineTest {
    private final TimeZone before = TimeZone.getDefault();

    @AfterEach
    void restoreZone() {
        TimeZone.setDefault(before);
    }

    @Test
    void printsWhatTheSameLogbackPatternPrints() {
        for (String zone : List.of("UTC", "Europe/Berlin", "America/St_Johns", "Asia/Kathmandu")) {
            TimeZone.setDefault(TimeZone.getTimeZone(zone));
            LoggerContext context = new LoggerContext();
            PatternLayout pattern = new PatternLayout();
            pattern.setContext(context);
            pattern.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n");
            pattern.start();
            LogLine line = new LogLine();
            line.setContext(context);
            line.start();
            // Midnight, a millisecond after, a summer and a winter afternoon, a leap day; each level; logger names with
            // and without a package; a message with arguments; an exception with a cause.
            long[] times = {0L, 1L, 1_719_835_200_123L, 1_733_065_445_009L, 1_709_208_000_099L};
            Level[] levels = {Level.ERROR, Level.WARN, Level.INFO, Level.DEBUG, Level.TRACE};
            for (int i = 0; i < times.length; i++) {
                LoggingEvent event = new LoggingEvent("x", context.getLogger(i % 2 == 0 ? "dev.ciscosupport.mcp.cli.Main"
                        : "Plain"), levels[i], "Request {} took {} ms", i == 4
                        ? new IllegalStateException("outer", new java.io.IOException("inner")) : null,
                        new Object[] {"abc", i});
                event.setTimeStamp(times[i]);
                assertThat(line.doLayout(event)).as(zone + " " + times[i]).isEqualTo(pattern.doLayout(event));
            }
        }
    }
}
