package dev.ciscosupport.mcp.cli;

import dev.ciscosupport.mcp.config.ServerVersion;
import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {ServerVersion.NAME + " " + ServerVersion.VALUE};
    }
}
