package dev.ciscosupport.mcp.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import dev.ciscosupport.mcp.config.LogSettings;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * One log on stderr for everything in the process: this server's lines, the libraries' (Jetty, the MCP SDK,
 * Reactor) and what arrives through java.util.logging (Caffeine, the JDK's HTTP client), in one format and under
 * one threshold, {@code CISCO_MCP_LOG_LEVEL} (the libraries are held at WARN unless that is stricter).
 */
final class LogSetup {
    private static final String[] LIBRARIES = {"org.eclipse.jetty", "io.modelcontextprotocol", "reactor",
        "com.github.benmanes.caffeine", "jdk.internal.httpclient", "java.net.http"};

    private LogSetup() {
    }

    static void apply(LogSettings settings) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        // java.util.logging asks the logback levels first, so what is off costs nothing.
        LevelChangePropagator propagator = new LevelChangePropagator();
        propagator.setContext(context);
        propagator.setResetJUL(true);
        context.addListener(propagator);
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();

        Level ours = Level.toLevel(settings.level(), Level.INFO);
        Level libraries = ours.isGreaterOrEqual(Level.WARN) ? ours : Level.WARN;
        context.getLogger("dev.ciscosupport").setLevel(ours);
        for (String library : LIBRARIES) {
            context.getLogger(library).setLevel(libraries);
        }
        // Errors only from two libraries whose warnings are not news to an operator. Caffeine warns of every exception a
        // cache load ends with; they are the server's own outcomes (a refusal, a cancel), each already answered and logged
        // where it belongs. The SDK warns, every 25 s, of each session whose client left without ending it (mcp-remote
        // exits so) that its keep-alive found the stream closed; the session ends when it has been idle too long.
        Level errors = ours.isGreaterOrEqual(Level.ERROR) ? ours : Level.ERROR;
        context.getLogger("com.github.benmanes.caffeine").setLevel(errors);
        context.getLogger("io.modelcontextprotocol.util.KeepAliveScheduler").setLevel(errors);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(libraries);
        if (settings.json()) {
            ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
            appender.setContext(context);
            appender.setName("STDERR");
            appender.setTarget("System.err");
            JsonEncoder encoder = new JsonEncoder();
            encoder.setContext(context);
            encoder.start();
            appender.setEncoder(encoder);
            appender.start();
            root.detachAndStopAllAppenders();
            root.addAppender(appender);
        }
    }
}
