package dev.ciscosupport.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Docker cannot run on the build machines, so the Dockerfile is checked as text for what the security
 * guide promises of the container: built with Maven, a small JRE base, a non-root user, port 3000, a
 * health check on /health, HTTP mode, listening on all interfaces inside the container, with the heap
 * settings bench/run measured (overridable through JDK_JAVA_OPTIONS).
 */
class DockerfileTest {
    private static List<String> instructions() throws IOException {
        // Join continuation lines, drop comments: one instruction per element.
        String text = Files.readString(Path.of("Dockerfile")).replaceAll("\\\\\\r?\\n", " ");
        return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toList());
    }

    private static List<String> named(String instruction) throws IOException {
        return instructions().stream().filter(l -> l.startsWith(instruction + " ")).toList();
    }

    @Test
    void buildsWithMavenAndRunsOnASmallJre() throws IOException {
        List<String> from = named("FROM");
        assertThat(from).hasSize(2);
        assertThat(from.get(0)).startsWith("FROM maven:").endsWith("AS build");
        assertThat(from.get(1)).contains("jre-alpine");
        assertThat(named("RUN")).anyMatch(r -> r.contains("mvn") && r.contains("package"));
        assertThat(named("COPY")).anyMatch(c -> c.contains("--from=build") && c.contains("cisco-support-mcp.jar"));
    }

    @Test
    void runsAsANonRootUser() throws IOException {
        List<String> users = named("USER");
        assertThat(users).isNotEmpty();
        String last = users.get(users.size() - 1).substring(5).strip();
        assertThat(last).isNotIn("root", "0", "0:0");
        List<String> all = instructions();
        assertThat(all.indexOf(users.get(users.size() - 1))).isGreaterThan(all.indexOf(named("FROM").get(1)));
    }

    @Test
    void servesHttpOnPort3000OnAllInterfacesWithAHealthCheck() throws IOException {
        assertThat(named("EXPOSE")).containsExactly("EXPOSE 3000");
        assertThat(named("HEALTHCHECK")).singleElement().asString().contains("http://127.0.0.1:3000/health");
        assertThat(named("ENTRYPOINT")).containsExactly("ENTRYPOINT [\"java\", \"-jar\", \"/app/cisco-support-mcp.jar\"]");
        assertThat(named("CMD")).containsExactly("CMD [\"--http\"]");
        assertThat(named("ENV")).singleElement().asString().contains("HOST=0.0.0.0").contains("PORT=3000")
                .contains("NODE_ENV=production").contains("JDK_JAVA_OPTIONS=\"-XX:+UseSerialGC -Xms16m -Xmx128m -Xss512k\"");
    }

    @Test
    void secretsAndBuildOutputStayOutOfTheImage() throws IOException {
        assertThat(Files.readAllLines(Path.of(".dockerignore"))).contains(".env", "target/", ".git/");
        assertThat(instructions()).noneMatch(l -> l.contains("CISCO_CLIENT_SECRET") || l.contains("MCP_BEARER_TOKEN"));
    }
}
