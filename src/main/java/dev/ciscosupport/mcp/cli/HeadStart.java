package dev.ciscosupport.mcp.cli;

import dev.ciscosupport.mcp.server.McpServers;
import dev.ciscosupport.mcp.tools.ToolCatalog;

/**
 * Work every serving start needs and no setting changes, done on two more threads while the first reads the settings,
 * as Spring Boot's BackgroundPreinitializer does: reading the tool schemas the build wrote, then a first message, on
 * one; writing a first answer on the other. What they have not finished when the main thread needs it, the main thread
 * waits for (a class is initialised once, by one thread), so the order of the three never changes what a start does,
 * only how soon it is done (launcher to initialize on JDK 25, 20 alternating runs: 592 -> 559 ms for the schemas, then
 * 471 -> 451 ms for the first message, on a loaded machine; the answer written on a thread of its own, the first
 * answer came ~30 ms sooner after {@code main}).
 *
 * <p>The log is set up before they start ({@link Main}'s logger): SLF4J gives a thread that asks for it while another
 * thread is setting it up a stand-in, which {@link LogSetup} cannot configure.
 */
final class HeadStart {
    private HeadStart() {
    }

    static void begin() {
        start("head-start", () -> {
            ToolCatalog.prepare();
            McpServers.prepareReading();
        });
        start("head-start-answer", McpServers::prepareWriting);
    }

    private static void start(String name, Runnable work) {
        Thread thread = new Thread(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                // Only a head start: the main thread does the same work next, and meets any fault itself.
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }
}
