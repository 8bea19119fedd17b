package dev.ciscosupport.mcp.config;

/** A setting has a value the server cannot use; the message is one line that names the setting. */
public final class SettingsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SettingsException(String message) {
        super(message);
    }
}
