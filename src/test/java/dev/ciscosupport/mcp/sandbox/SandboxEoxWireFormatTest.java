package dev.ciscosupport.mcp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.cisco.TestCisco;
import dev.ciscosupport.mcp.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The sandbox answers the EoX API as Cisco's recordings (SPEC.md §5, examples/eox) show. */
class SandboxEoxWireFormatTest {
    private static final String BASE = "/supporttools/eox/rest/5";
    private static SandboxServer sandbox;
    private static SandboxClient client;
    private static EoxCatalog catalog;

    @BeforeAll
    static void start() {
        sandbox = SandboxServer.startOnLoopback();
        client = new SandboxClient(sandbox);
        catalog = new EoxCatalog(SandboxServer.SEED);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static JsonNode example(String name) throws IOException {
        return TestCisco.example("eox/" + name);
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.properties().forEach(e -> keys.add(e.getKey()));
        return keys;
    }

    private static String announcedPid() {
        return catalog.all().stream().filter(EoxProduct::hasEox).filter(p -> p.osType() == null).findFirst()
                .orElseThrow().productId();
    }

    @Test
    void productRecordsHaveCiscosKeysInCiscosOrderAndTheTrailingSpace() throws IOException {
        String pid = announcedPid();
        JsonNode body = client.getJson(BASE + "/EOXByProductID/1/" + pid + "?responseencoding=json");
        JsonNode recorded = example("EOXByProductID.200.json");
        assertThat(keys(body)).isEqualTo(keys(recorded));
        assertThat(keys(body.path("PaginationResponseRecord"))).isEqualTo(keys(recorded.path("PaginationResponseRecord")));
        JsonNode record = body.path("EOXRecord").path(0);
        assertThat(keys(record)).isEqualTo(keys(recorded.path("EOXRecord").path(0)));
        assertThat(keys(record.path("EOXMigrationDetails"))).isEqualTo(keys(recorded.path("EOXRecord").path(0).path("EOXMigrationDetails")));
        assertThat(record.path("EOXInputValue").asString()).isEqualTo(pid + " ");
        assertThat(record.path("EndOfSaleDate").path("dateFormat").asString()).isEqualTo("YYYY-MM-DD");
        assertThat(record.path("EndOfSaleDate").path("value").asString()).matches("\\d{4}-\\d\\d-\\d\\d");
    }

    @Test
    void nothingFoundIsARecordLevelErrorWithNullDateFormats() throws IOException {
        JsonNode body = client.getJson(BASE + "/EOXByProductID/1/NOTHING?responseencoding=json");
        JsonNode record = body.path("EOXRecord").path(0);
        JsonNode recorded = example("EOXByProductID.200.record_level_error.json").path("EOXRecord").path(0);
        assertThat(keys(record)).containsExactlyInAnyOrderElementsOf(keys(recorded));
        assertThat(record.path("EOXError").path("ErrorID").asString()).isEqualTo("SSA_ERR_026");
        assertThat(record.path("EndOfSaleDate").path("dateFormat").isNull()).isTrue();
        assertThat(body.path("PaginationResponseRecord").path("TotalRecords").asInt()).isEqualTo(1);
    }

    @Test
    void badInputIsATopLevelErrorWithHttp200() {
        var response = client.get(BASE + "/EOXBySerialNumber/1/FOC-123?responseencoding=json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(response.body())).isEqualTo(Json.MAPPER.readTree(
                "{\"EOXError\":{\"ErrorID\":\"SSA_ERR_010\",\"ErrorDescription\":\"The serialNumbers value specified is"
                        + " invalid. Please correct the serialNumbers value and try again.\"}}"));
        String pids = IntStream.range(0, 21).mapToObj(i -> "PID" + i).collect(Collectors.joining(","));
        assertThat(client.getJson(BASE + "/EOXByProductID/1/" + pids).path("EOXError").path("ErrorID").asString())
                .isEqualTo("SSA_ERR_009");
        assertThat(client.getJson(BASE + "/EOXByProductID/1/W*").path("EOXError").path("ErrorID").asString())
                .isEqualTo("SSA_ERR_032");
        assertThat(client.getJson(BASE + "/EOXByProductID/123456/X").path("EOXError").path("ErrorID").asString())
                .isEqualTo("SSA_ERR_028");
    }

    @Test
    void twoSerialsOfOneProductComeBackAsOneRecord() {
        Map.Entry<String, String> first = null;
        String second = null;
        for (Map.Entry<String, String> e : catalog.serials().entrySet()) {
            if (catalog.byId(e.getValue()).orElseThrow().hasEox()) {
                if (first == null) {
                    first = e;
                } else if (e.getValue().equals(first.getValue())) {
                    second = e.getKey();
                    break;
                }
            }
        }
        JsonNode body = client.getJson(BASE + "/EOXBySerialNumber/1/" + first.getKey() + "," + second);
        assertThat(body.path("EOXRecord").size()).isEqualTo(1);
        assertThat(body.path("EOXRecord").path(0).path("EOXInputValue").asString()).isEqualTo(first.getKey() + "," + second);
        assertThat(body.path("EOXRecord").path(0).path("EOXInputType").asString()).isEqualTo("ShowEOXBySerialNumber");
    }

    @Test
    void theCatalogIsLargeAndSpreadOverTheYears() {
        assertThat(catalog.all()).hasSizeGreaterThanOrEqualTo(1500);
        assertThat(catalog.serials()).hasSizeGreaterThan(3000);
        assertThat(catalog.all().stream().filter(EoxProduct::hasEox).map(p -> p.announced().getYear()).distinct().count())
                .isGreaterThanOrEqualTo(14);
        assertThat(catalog.all().stream().filter(EoxProduct::hasEox).map(p -> p.lastDateOfSupport().getYear())
                .max(Integer::compare).orElseThrow()).isGreaterThanOrEqualTo(2029);
        for (ProductFamily family : ProductFamily.ALL) {
            family.productIds().forEach(pid -> assertThat(catalog.byId(pid)).as(pid).isPresent());
        }
    }
}
