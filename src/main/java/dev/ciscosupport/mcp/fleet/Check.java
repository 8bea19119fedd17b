package dev.ciscosupport.mcp.fleet;

import dev.ciscosupport.mcp.config.SupportApi;
import java.util.Locale;

/** What a fleet check can find out about each device, and the Cisco API that tells it. */
public enum Check {
    ADVISORIES(SupportApi.PSIRT), LIFECYCLE(SupportApi.EOX), COVERAGE(SupportApi.SERIAL), SUGGESTED_RELEASE(SupportApi.SOFTWARE);

    private final SupportApi api;

    Check(SupportApi api) {
        this.api = api;
    }

    public SupportApi api() {
        return api;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
