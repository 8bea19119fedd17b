package dev.ciscosupport.mcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * Two builds of one commit give the same jar, byte for byte: nothing in it depends on when or where it was built. What
 * would vary is what this checks: the times of the entries this build writes (all {@code project.build.outputTimestamp};
 * the dependencies' entries keep the times their jars hold) and build metadata in the manifest. Checked by hand too:
 * two clean builds, one sha256.
 */
class ReproducibleJarIT {
    @Test
    void theJarCarriesNothingOfTheBuildsTimeOrMachine() throws Exception {
        FileTime fixed = FileTime.from(Instant.parse(System.getProperty("mcp.build.timestamp")));
        List<String> stamped = new ArrayList<>();
        try (JarFile jar = new JarFile(McpJar.path().toFile())) {
            int ours = 0;
            for (ZipEntry entry : java.util.Collections.list(jar.entries())) {
                // What this build wrote; the dependencies' entries are copied with the times their own jars hold.
                if (!isOurs(entry.getName())) {
                    continue;
                }
                ours++;
                if (Math.abs(entry.getLastModifiedTime().toMillis() - fixed.toMillis()) > 2_000) { // zip: 2 s steps
                    stamped.add(entry.getName());
                }
            }
            assertThat(ours).as("entries this build wrote").isGreaterThan(200);
            assertThat(stamped).as("entries with another time than the fixed one").isEmpty();
            var attributes = jar.getManifest().getMainAttributes().keySet().stream().map(Object::toString).toList();
            assertThat(attributes).doesNotContain("Built-By", "Build-Time", "Build-Jdk", "Bnd-LastModified");
        }
    }

    private static boolean isOurs(String name) {
        return name.startsWith("dev/ciscosupport/") || name.equals("META-INF/MANIFEST.MF") || name.equals("META-INF/services/ch.qos.logback.classic.spi.Configurator")
                || name.equals("cisco-support-mcp.properties") || name.startsWith("META-INF/maven/dev.ciscosupport/");
    }
}
