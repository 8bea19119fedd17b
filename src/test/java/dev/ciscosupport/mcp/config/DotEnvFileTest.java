package dev.ciscosupport.mcp.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DotEnvFileTest {
    @Test
    void readsTheFormsDotenvAccepts() {
        var values = DotEnvFile.parse("""
                # Custom Bearer token for HTTP authentication
                MCP_BEARER_TOKEN=your_custom_secure_token_here
                export PORT=3001
                SUPPORT_API="bug,eox"
                CISCO_CLIENT_SECRET='with # hash'
                NODE_ENV=production # a comment
                not a line
                """);
        assertThat(values).containsEntry("MCP_BEARER_TOKEN", "your_custom_secure_token_here")
                .containsEntry("PORT", "3001").containsEntry("SUPPORT_API", "bug,eox")
                .containsEntry("CISCO_CLIENT_SECRET", "with # hash").containsEntry("NODE_ENV", "production")
                .hasSize(5);
    }

    @Test
    void aMissingFileIsNoVariables(@TempDir Path dir) {
        assertThat(DotEnvFile.read(dir.resolve(".env"))).isEmpty();
    }

    @Test
    void readsAFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(".env"), "PORT=3333\r\nHOST=127.0.0.1\r\n");
        assertThat(DotEnvFile.read(dir.resolve(".env"))).containsEntry("PORT", "3333").containsEntry("HOST", "127.0.0.1");
    }
}
