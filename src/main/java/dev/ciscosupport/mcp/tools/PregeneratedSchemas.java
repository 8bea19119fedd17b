package dev.ciscosupport.mcp.tools;

import dev.ciscosupport.mcp.cisco.CiscoGateway;
import dev.ciscosupport.mcp.cisco.CiscoHttp;
import dev.ciscosupport.mcp.cisco.CiscoTokenSource;
import dev.ciscosupport.mcp.cisco.resilience.TimeSource;
import dev.ciscosupport.mcp.config.ToolSelection;
import dev.ciscosupport.mcp.config.Upstream;
import dev.ciscosupport.mcp.json.Json;
import dev.ciscosupport.mcp.security.SecurityLog;
import dev.ciscosupport.mcp.session.CancellableCalls;
import dev.ciscosupport.mcp.session.ClientNotices;
import dev.ciscosupport.mcp.session.SeenValues;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The build step (exec-maven-plugin, {@code process-classes}) that writes {@link RecordSchemas#RESOURCE}: it makes every
 * tool of every API as a server would (nothing is sent to Cisco: tools are only declared), and writes the schema of each
 * record they are declared with, fresh from the generator, with its fingerprint.
 */
public final class PregeneratedSchemas {
    private PregeneratedSchemas() {
    }

    /** @param args the classes directory to write into */
    public static void main(String[] args) throws IOException {
        CiscoHttp http = new CiscoHttp(Duration.ofSeconds(1));
        CiscoGateway nowhere = new CiscoGateway(http, URI.create("http://127.0.0.1:9"), new CiscoTokenSource(http,
                        URI.create("http://127.0.0.1:9/token"), null, null, InstantSource.system(), Duration.ofSeconds(1)),
                Optional.of("CISCO_CLIENT_ID and CISCO_CLIENT_SECRET"), Upstream.defaults(), TimeSource.SYSTEM);
        ToolContext context = new ToolContext(DataSource.CISCO, new SecurityLog(new PrintStream(PrintStream.nullOutputStream()),
                null, InstantSource.system()), new SeenValues(), new CancellableCalls(), new ClientNotices(),
                Upstream.defaults().callDeadline(), TimeSource.SYSTEM);
        ToolCatalog.forApis(ToolSelection.everything(), nowhere, context);
        Map<String, Object> schemas = new LinkedHashMap<>();
        RecordSchemas.asked().stream().sorted(Comparator.comparing(Class::getName)).forEach(type -> {
            Map<String, Object> kept = new LinkedHashMap<>(); // in one order, so that two builds write the same jar
            kept.put("fingerprint", RecordSchemas.fingerprint(type));
            kept.put("schema", RecordSchemas.fresh(type));
            schemas.put(type.getName(), kept);
        });
        Path file = Path.of(args[0], RecordSchemas.class.getPackageName().replace('.', '/'), RecordSchemas.RESOURCE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, Json.MAPPER.writeValueAsString(schemas));
    }
}
