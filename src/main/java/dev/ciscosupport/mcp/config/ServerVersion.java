package dev.ciscosupport.mcp.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version Maven stamped into the jar. */
public final class ServerVersion {
    public static final String NAME = "cisco-support-mcp";
    public static final String VALUE = read();

    private ServerVersion() {
    }

    private static String read() {
        try (InputStream in = ServerVersion.class.getResourceAsStream("/cisco-support-mcp.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
