package dev.ciscosupport.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.config.CliOptions;
import dev.ciscosupport.mcp.config.Settings;
import dev.ciscosupport.mcp.config.SettingsLoader;
import dev.ciscosupport.mcp.config.SettingsTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The deployment files users take (deploy/docker-compose.yml, deploy/kubernetes/, deploy/haproxy.cfg) against what the
 * server actually reads: every variable they set is a setting, the values load, the replica counts agree, the probes hit
 * the health paths with a Host the server serves, and the balancer's variables are the ones the compose file gives.
 * (No Docker engine or Kubernetes runs here; ScaleOutIT runs the HAProxy configuration for real.)
 */
class DeploymentFilesTest {
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)(:-([^}]*))?}");

    private static JsonNode compose() throws IOException {
        return YAML.readTree(Files.readString(Path.of("deploy/docker-compose.yml")));
    }

    private static List<JsonNode> kubernetes() throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (var values = YAML.readerFor(JsonNode.class).<JsonNode>readValues(
                Files.readString(Path.of("deploy/kubernetes/cisco-support-mcp.yaml")))) {
            values.forEachRemaining(documents::add);
        }
        return documents;
    }

    private static JsonNode kind(List<JsonNode> documents, String kind) {
        return documents.stream().filter(d -> d.path("kind").asString("").equals(kind)).findFirst().orElseThrow();
    }

    /** The settings a replica would start with from {@code environment} (placeholders given sample values). */
    private static Settings load(Map<String, String> environment) {
        Map<String, String> sample = new HashMap<>();
        environment.forEach((name, value) -> {
            Matcher m = PLACEHOLDER.matcher(value);
            sample.put(name, m.find() ? (m.group(3) != null ? m.group(3) : "sample-value-of-at-least-32-characters-0123") : value);
        });
        sample.put("NODE_ENV", "production"); // as the image sets it
        return new SettingsLoader(sample::get, Map.of()).load(new CliOptions(true, "0.0.0.0", 3000, false));
    }

    private static void allSettings(Set<String> names) {
        for (String name : names) {
            assertThat(SettingsTable.named(name)).as("%s is a setting the server reads", name).isPresent();
        }
    }

    @Test
    void theComposeFilesReplicasShareOneRedisBehindTheShippedBalancer() throws IOException {
        JsonNode services = compose().path("services");
        List<String> replicas = new ArrayList<>();
        services.properties().forEach(e -> {
            if (e.getKey().startsWith("replica")) {
                replicas.add(e.getKey());
            }
        });
        assertThat(replicas).hasSize(3);
        String haproxyAddress = services.path("haproxy").path("networks").path("mcp").path("ipv4_address").asString();
        for (String replica : replicas) {
            Map<String, String> env = new HashMap<>();
            services.path(replica).path("environment").properties().forEach(e -> env.put(e.getKey(), e.getValue().asString()));
            allSettings(env.keySet());
            Settings settings = load(env);
            assertThat(settings.shared().enabled()).as("%s shares through Redis", replica).isTrue();
            assertThat(settings.shared().replicas()).as("%s's CISCO_QUOTA_REPLICAS", replica).isEqualTo(replicas.size());
            assertThat(settings.security().trustedProxies()).as("%s trusts the balancer", replica).containsExactly(haproxyAddress);
            assertThat(env.get("REDIS_URL")).startsWith("redis://redis:");
            assertThat(env.get("MCP_REQUEST_STATE_KEY")).as("%s signs request state with the deployment's key", replica)
                    .isEqualTo("${MCP_REQUEST_STATE_KEY}");
        }
        // The balancer gets every variable its configuration reads, each replica on the image's port.
        Map<String, String> lb = new HashMap<>();
        services.path("haproxy").path("environment").properties().forEach(e -> lb.put(e.getKey(), e.getValue().asString()));
        assertThat(lb.keySet()).containsExactlyInAnyOrderElementsOf(haproxyVariables());
        for (int i = 1; i <= replicas.size(); i++) {
            assertThat(lb.get("MCP_REPLICA_" + i)).isEqualTo("replica" + i + ":" + imagePort());
        }
    }

    @Test
    void theKubernetesManifestsProbeTheHealthPathsAndSetOnlySettings() throws IOException {
        List<JsonNode> documents = kubernetes();
        JsonNode secret = kind(documents, "Secret");
        JsonNode deployment = kind(documents, "Deployment");
        JsonNode container = deployment.path("spec").path("template").path("spec").path("containers").get(0);
        Map<String, String> env = new HashMap<>();
        secret.path("stringData").properties().forEach(e -> env.put(e.getKey(), e.getValue().asString()));
        container.path("env").forEach(e -> env.put(e.path("name").asString(), e.path("value").asString()));
        allSettings(env.keySet());
        assertThat(container.path("envFrom").get(0).path("secretRef").path("name").asString())
                .isEqualTo(secret.path("metadata").path("name").asString());
        Settings settings = load(env);
        assertThat(settings.shared().enabled()).isTrue();
        assertThat(env).as("one request-state key for every replica").containsKey("MCP_REQUEST_STATE_KEY");
        assertThat(settings.shared().replicas()).as("CISCO_QUOTA_REPLICAS is the Deployment's replica count")
                .isEqualTo(deployment.path("spec").path("replicas").asInt());
        assertThat(container.path("ports").get(0).path("containerPort").asInt()).isEqualTo(imagePort());
        JsonNode ready = container.path("readinessProbe").path("httpGet");
        JsonNode live = container.path("livenessProbe").path("httpGet");
        assertThat(ready.path("path").asString()).isEqualTo("/health");
        assertThat(live.path("path").asString()).isEqualTo("/health/live");
        for (JsonNode probe : List.of(ready, live)) {
            assertThat(probe.path("httpHeaders").get(0).path("value").asString()).as("a Host the server serves")
                    .isEqualTo("localhost");
        }
        assertThat(container.path("args").get(0).asString()).isEqualTo("--http");
        assertThat(kind(documents, "Service").path("spec").path("selector"))
                .isEqualTo(deployment.path("spec").path("selector").path("matchLabels"));
    }

    @Test
    void theBalancerChecksHealthWithAHostTheServerServesAndSticksToTheSession() throws IOException {
        String cfg = Files.readString(Path.of("deploy/haproxy.cfg"));
        assertThat(cfg).contains("stick store-response res.hdr(mcp-session-id)", "stick match req.hdr(mcp-session-id)",
                "http-check send meth GET uri /health ver HTTP/1.1 hdr Host localhost", "option forwardfor");
    }

    /** The environment variables deploy/haproxy.cfg reads. */
    private static Set<String> haproxyVariables() throws IOException {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(Files.readString(Path.of("deploy/haproxy.cfg")));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The port the image listens on (its ENV PORT). */
    private static int imagePort() throws IOException {
        Matcher m = Pattern.compile("ENV .*\\bPORT=(\\d+)").matcher(Files.readString(Path.of("Dockerfile")));
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
