package dev.ciscosupport.mcp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import dev.ciscosupport.mcp.config.LogSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** Which lines reach stderr with the server's log settings (this JVM's logging is put back after each test). */
class LogSetupTest {
    @AfterEach
    void putBackThisJvmsLogging() throws Exception {
        SLF4JBridgeHandler.uninstall();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        new ContextInitializer(context).autoConfig();
    }

    @Test
    void atTheDefaultLevelOursSayInfoLibrariesWarnAndTwoOfThemOnlyErrors() {
        LogSetup.apply(new LogSettings("INFO", false));
        assertThat(LoggerFactory.getLogger(Main.class).isInfoEnabled()).isTrue();
        Logger jetty = LoggerFactory.getLogger("org.eclipse.jetty.server.Server");
        assertThat(jetty.isInfoEnabled()).isFalse();
        assertThat(jetty.isWarnEnabled()).isTrue();
        for (String quiet : new String[] {"io.modelcontextprotocol.util.KeepAliveScheduler",
                "com.github.benmanes.caffeine.cache.LocalAsyncCache"}) {
            Logger library = LoggerFactory.getLogger(quiet);
            assertThat(library.isWarnEnabled()).as(quiet).isFalse();
            assertThat(library.isErrorEnabled()).as(quiet).isTrue();
        }
    }

    @Test
    void atDebugOursSayDebugAndTheLibrariesStillOnlyWarn() {
        LogSetup.apply(new LogSettings("DEBUG", false));
        assertThat(LoggerFactory.getLogger(Main.class).isDebugEnabled()).isTrue();
        assertThat(LoggerFactory.getLogger("io.modelcontextprotocol.server.McpAsyncServer").isInfoEnabled()).isFalse();
        assertThat(LoggerFactory.getLogger("io.modelcontextprotocol.util.KeepAliveScheduler").isWarnEnabled()).isFalse();
    }
}
