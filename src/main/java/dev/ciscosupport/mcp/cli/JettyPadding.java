package dev.ciscosupport.mcp.cli;

/**
 * Tells Jetty how many object references share a cache line. Unless told, Jetty (its {@code MemoryUtils}) asks the JVM
 * whether references are compressed through the platform MBean server, and starting that server loads some 200 classes:
 * 30-50 ms of Jetty's first use, the HTTP server's start or the first request to Cisco. The answer only sizes the
 * padding that keeps hot counters on cache lines of their own; an operator's own value is kept.
 */
final class JettyPadding {
    static final String PROPERTY = "org.eclipse.jetty.util.referencesPerCacheLine";

    private JettyPadding() {
    }

    static void settle() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, String.valueOf(referencesPerCacheLine(Runtime.getRuntime().maxMemory())));
        }
    }

    /** 64-byte lines; references of 4 bytes (the JVM compresses them by default below a 32 GB heap), else of 8. */
    static int referencesPerCacheLine(long maxHeapBytes) {
        return maxHeapBytes < (32L << 30) ? 16 : 8;
    }
}
