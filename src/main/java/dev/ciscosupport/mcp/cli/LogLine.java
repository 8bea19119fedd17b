package dev.ciscosupport.mcp.cli;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.util.TimeZone;

/**
 * A text log line, {@code 12:34:56.789 INFO  Main - message}, followed by the stack trace of an exception if there is
 * one: what the pattern {@code %d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n} prints, written out by hand, because
 * logback's pattern layout parses its pattern and builds its converters and date formatter at every start (~20 ms
 * and some 150 classes before the first answer: 61 of logback's load now, 211 before).
 */
final class LogLine extends LayoutBase<ILoggingEvent> {
    private static final long DAY_MILLIS = 24L * 60 * 60 * 1000;
    private final TimeZone zone = TimeZone.getDefault();

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(160);
        time(line, event.getTimeStamp());
        String level = event.getLevel().toString();
        line.append(' ').append(level);
        for (int pad = level.length(); pad < 5; pad++) {
            line.append(' ');
        }
        String logger = event.getLoggerName();
        line.append(' ').append(logger, logger.lastIndexOf('.') + 1, logger.length()).append(" - ")
                .append(event.getFormattedMessage()).append(CoreConstants.LINE_SEPARATOR);
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            line.append(ThrowableProxyUtil.asString(thrown));
        }
        return line.toString();
    }

    /** The local time of day, as HH:mm:ss.SSS, in the JVM's time zone (its offset at that instant). */
    private void time(StringBuilder line, long epochMillis) {
        long ofDay = Math.floorMod(epochMillis + zone.getOffset(epochMillis), DAY_MILLIS);
        two(line, ofDay / 3_600_000).append(':');
        two(line, ofDay / 60_000 % 60).append(':');
        two(line, ofDay / 1000 % 60).append('.');
        long millis = ofDay % 1000;
        line.append(millis < 10 ? "00" : millis < 100 ? "0" : "").append(millis);
    }

    private static StringBuilder two(StringBuilder line, long value) {
        return line.append(value < 10 ? "0" : "").append(value);
    }
}
