package dev.ciscosupport.mcp.tools;

/** The line a result carries when some of its Cisco answers were reused from the server's cache. */
final class CacheNote {
    private CacheNote() {
    }

    static String of(int reused, int answers, long oldestSeconds) {
        String age = age(oldestSeconds);
        if (reused >= answers) {
            return "[cache] Reused from the server's cache: Cisco's answer" + (reused > 1 ? "s were" : " was") + " fetched "
                    + age + " ago.";
        }
        return "[cache] " + reused + " of " + answers + " Cisco answers were reused from the server's cache (the oldest fetched "
                + age + " ago).";
    }

    static String age(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min";
        }
        return seconds / 3600 + " h " + (seconds % 3600) / 60 + " min";
    }
}
