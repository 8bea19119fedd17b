package dev.ciscosupport.mcp.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ciscosupport.mcp.cisco.CiscoGateway;
import dev.ciscosupport.mcp.cisco.CiscoHttp;
import dev.ciscosupport.mcp.cisco.CiscoTokenSource;
import dev.ciscosupport.mcp.cisco.TestCisco;
import dev.ciscosupport.mcp.cisco.eox.EoxApi;
import dev.ciscosupport.mcp.cisco.eox.EoxRecord;
import dev.ciscosupport.mcp.cisco.psirt.PsirtApi;
import dev.ciscosupport.mcp.cisco.psirt.SecurityAdvisory;
import dev.ciscosupport.mcp.cisco.resilience.FakeTime;
import dev.ciscosupport.mcp.cisco.resilience.TimeSource;
import dev.ciscosupport.mcp.cisco.serial.SerialApi;
import dev.ciscosupport.mcp.cisco.serial.SerialCoverage;
import dev.ciscosupport.mcp.cisco.software.SoftwareApi;
import dev.ciscosupport.mcp.cisco.software.SoftwareProduct;
import dev.ciscosupport.mcp.cisco.software.SoftwareRelease;
import dev.ciscosupport.mcp.config.Upstream;
import dev.ciscosupport.mcp.json.Json;
import dev.ciscosupport.mcp.replay.InProcessServer;
import dev.ciscosupport.mcp.sandbox.SandboxServer;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.StringReader;
import java.time.Duration;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * check_fleet on an inventory of 1,000 devices (CSV rows, show output and bare serials, with broken lines), against the
 * sandbox under the production quota on a clock the test controls. Every figure of the summary is checked against the
 * sandbox's own data, fetched apart by other endpoints where Cisco has them (coverage status, EoX by serial), and a
 * sample of the report's rows likewise; the Cisco calls are counted at the sandbox, and the time the quota made the
 * check wait is held to the plan's.
 */
class FleetCheckTest extends WithSandbox {
    private static final int DEVICES = 1_000;
    /** OS, version as the inventory writes it, and the checker's names of both; the last is not checkable. */
    private static final List<String[]> SOFTWARE = List.of(new String[] {"IOS-XE", "17.09.04", "iosxe", "17.9.4"},
            new String[] {"IOS-XE", "17.6.5", "iosxe", "17.6.5"}, new String[] {"IOS XE", "16.12.4", "iosxe", "16.12.4"},
            new String[] {"IOS-XE", "17.12.2", "iosxe", "17.12.2"}, new String[] {"IOS", "15.2(7)E8", "ios", "15.2(7)E8"},
            new String[] {"IOS", "15.9(3)M7", "ios", "15.9(3)M7"}, new String[] {"NX-OS", "9.3(10)", "nxos", "9.3(10)"},
            new String[] {"NX-OS", "10.2(5)", "nxos", "10.2(5)"}, new String[] {"ASA", "9.16(4)", "asa", "9.16(4)"},
            new String[] {"IOS XR", "7.5.2", "iosxr", "7.5.2"});
    private final FakeTime time = new FakeTime();
    private InProcessServer server;
    private final List<String[]> devices = new ArrayList<>(); // serial, product ID, OS and version as the checker names them
    private String inventory;

    @BeforeAll
    void startServerAndWriteTheInventory() {
        server = InProcessServer.withUpstream(sandbox.apiBaseUrl(), sandbox.tokenUrl(), SandboxServer.CLIENT_ID,
                SandboxServer.CLIENT_SECRET, Upstream.defaults(), time);
        // The asset sheet's serials first, then the CSV export, then show output pasted from devices.
        StringBuilder serials = new StringBuilder();
        StringBuilder csv = new StringBuilder("\nHostname,Site,Serial Number,Product ID,OS,Version\n");
        StringBuilder shows = new StringBuilder("\n");
        List<Map.Entry<String, String>> units = new ArrayList<>(sandbox.serialNumbers().entrySet()).subList(0, DEVICES);
        for (int i = 0; i < DEVICES; i++) {
            String serial = units.get(i).getKey();
            String pid = units.get(i).getValue();
            if (i < 50) {
                serials.append(serial).append(i % 2 == 0 ? " " : "\n");
                devices.add(new String[] {serial, pid, "", ""}); // the product ID Cisco has for it; not in the inventory
                if (i == 9) {
                    serials.append("!!! the rest came from the asset sheet !!!\n").append(units.get(0).getKey()).append('\n');
                }
            } else if (i < 900) {
                String[] sw = i % 10 == 9 ? null : SOFTWARE.get(i % SOFTWARE.size());
                csv.append("host-").append(i).append(",site-").append(i % 4).append(',').append(serial).append(',')
                        .append(pid).append(',').append(sw == null ? "" : sw[0]).append(',').append(sw == null ? "" : sw[1])
                        .append('\n');
                devices.add(new String[] {serial, pid, sw == null ? "" : sw[2], sw == null ? "" : sw[3]});
                if (i == 400) {
                    csv.append("host-x,FOC0000A000\n,,,,,\nhost-y,site-1,FOC0000B000,C9300-24T,JUNOS,21.1\n");
                }
            } else {
                String[] sw = SOFTWARE.get(i % 8);
                shows.append(show(i, serial, pid, sw));
                devices.add(new String[] {serial, pid, sw[2], sw[3]});
            }
        }
        inventory = serials.toString() + csv + shows;
    }

    /** A device's show version, as IOS XE, IOS or NX-OS prints it. */
    private static String show(int i, String serial, String pid, String[] sw) {
        String host = "host-" + i;
        return switch (sw[2]) {
            case "nxos" -> host + "# show version\nCisco Nexus Operating System (NX-OS) Software\nSoftware\n  NXOS: version "
                    + sw[1] + "\nHardware\n  cisco Nexus3000 " + pid + " chassis\n  Processor Board ID " + serial
                    + "\n  Device name: " + host + "\n";
            case "ios" -> host + "#show version\nCisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version " + sw[1]
                    + ", RELEASE SOFTWARE (fc2)\n" + host + " uptime is 2 weeks\ncisco " + pid
                    + " (APM86XXX) processor with 524288K bytes of memory.\nProcessor board ID " + serial + "\n";
            default -> host + "#show version\nCisco IOS XE Software, Version " + sw[1] + "\n" + host + " uptime is 1 day\n"
                    + "cisco " + pid + " (X86) processor with 1338934K/6147K bytes of memory.\nProcessor board ID " + serial
                    + "\nModel Number                       : " + pid + "\nSystem Serial Number               : "
                    + serial + "\n";
        };
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    @Test
    void aThousandDevicesAreCheckedWithinTheQuotaAndEveryFigureIsTheSandboxs() throws Exception {
        int before = sandbox.requests().apiRequests();
        long started = time.nanos();
        McpSchema.CallToolResult result = server.client().callTool(McpSchema.CallToolRequest.builder("check_fleet")
                .arguments(Map.<String, Object>of("inventory", inventory)).progressToken("fleet-1000").build());
        long waited = time.nanos() - started;
        int requests = sandbox.requests().apiRequests() - before;
        assertThat(result.isError()).as(InProcessServer.text(result)).isFalse();
        JsonNode out = Json.MAPPER.valueToTree(result.structuredContent());

        // The lines that gave no device are listed back, each with why.
        assertThat(out.path("devices").asInt()).isEqualTo(DEVICES);
        List<String> why = new ArrayList<>();
        out.path("lines_not_read").forEach(l -> why.add(l.path("why").asString()));
        assertThat(why).containsExactlyInAnyOrder("2 cells where the header (line 29) has 6",
                "no serial number and no product ID",
                "OS type \"JUNOS\" is not one of IOS, IOS XE, NX-OS, IOS XR, ASA, FTD, FXOS, FMC, ACI",
                "not a serial number, a CSV row under a header, or show output", "serial number listed again (first at line 1)");

        // The Cisco calls: as planned, and at most what Cisco's per-call limits allow.
        Map<String, Integer> planned = ints(out.path("plan").path("cisco_calls"));
        Map<String, Integer> made = ints(out.path("cisco_calls"));
        assertThat(made.values().stream().mapToInt(Integer::intValue).sum()).as("requests the sandbox received")
                .isEqualTo(requests);
        long queries = devices.stream().filter(d -> !d[3].isEmpty() && !d[2].equals("iosxr"))
                .map(d -> d[2] + " " + d[3] + " " + dev.ciscosupport.mcp.fleet.Platforms.platformAlias(d[2], d[1]))
                .distinct().count();
        assertThat(made).containsEntry("serial", (DEVICES + 49) / 50).containsEntry("psirt", (int) queries);
        assertThat(made.get("eox")).isLessThanOrEqualTo((DEVICES + 19) / 20).isEqualTo(planned.get("eox"));
        made.forEach((api, n) -> assertThat(n).as(api).isLessThanOrEqualTo(planned.get(api)));

        // Progress: after each Cisco answer, rising, out of the planned calls (notifications may trail the answer).
        int total = planned.values().stream().mapToInt(Integer::intValue).sum();
        long until = System.nanoTime() + 10_000_000_000L;
        while (progressOf("fleet-1000").size() < requests && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        // The Java client hands notifications to its consumer from more than one thread, so their order here is not the
        // order sent (FleetIT checks that order through the TypeScript client): each step once, each with the total.
        List<McpSchema.ProgressNotification> progress = progressOf("fleet-1000");
        assertThat(progress).extracting(McpSchema.ProgressNotification::progress).containsExactlyInAnyOrderElementsOf(
                java.util.stream.IntStream.rangeClosed(1, requests).mapToObj(n -> (double) n).toList());
        assertThat(progress).allSatisfy(p -> assertThat(p.total()).isEqualTo(total));

        // The quota's time, from the calls and Cisco's per-API limits (5/s; PSIRT also 30/min), one API after the other.
        double quotaSeconds = 0;
        for (Map.Entry<String, Integer> e : made.entrySet()) {
            double perSecond = Math.ceil(e.getValue() / 5.0) - 1;
            double perMinute = e.getKey().equals("psirt") ? (Math.ceil(e.getValue() / 30.0) - 1) * 60 : 0;
            quotaSeconds += Math.max(perSecond, perMinute);
        }
        assertThat(waited / 1e9).as("seconds the quota made the check wait").isLessThanOrEqualTo(quotaSeconds * 1.1);

        // Every figure of the summary, from the sandbox's data.
        Expected expected = expected();
        JsonNode summary = out.path("summary");
        assertThat(ints(summary.path("advisories_by_most_severe"))).isEqualTo(expected.advisories);
        assertThat(ints(summary.path("lifecycle"))).isEqualTo(expected.lifecycle);
        assertThat(ints(summary.path("coverage"))).isEqualTo(expected.coverage);
        assertThat(ints(summary.path("not_checked"))).isEqualTo(expected.notChecked);
        assertThat(summary.path("not_on_suggested_release").asInt()).isEqualTo(expected.offSuggested);
        assertThat(summary.path("no_suggested_release").asInt()).isEqualTo(expected.noSuggestion);

        // A sample of the report's rows, read as the client reads the resource the result links.
        McpSchema.ResourceLink csvLink = result.content().stream().filter(McpSchema.ResourceLink.class::isInstance)
                .map(McpSchema.ResourceLink.class::cast).filter(l -> l.mimeType().equals("text/csv")).findFirst().orElseThrow();
        String csv = ((McpSchema.TextResourceContents) server.client().readResource(
                McpSchema.ReadResourceRequest.builder(csvLink.uri()).build()).contents().get(0)).text();
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().get().parse(new StringReader(csv)).getRecords();
        assertThat(rows).hasSize(DEVICES);
        for (int i = 0; i < DEVICES; i += 37) {
            String serial = devices.get(i)[0];
            CSVRecord row = rows.stream().filter(r -> r.get("serial").equals(serial)).findFirst().orElseThrow();
            assertThat(row.get("coverage")).as(serial).isEqualTo(expected.coverageOf.get(serial));
            assertThat(row.get("lifecycle")).as(serial).isEqualTo(expected.lifecycleOf.get(serial));
            assertThat(row.get("last_date_of_support")).as(serial).isEqualTo(expected.lastDateOf.getOrDefault(serial, ""));
            assertThat(row.get("highest_severity")).as(serial).isEqualTo(expected.highestOf.get(serial));
        }
        McpSchema.ImageContent chart = result.content().stream().filter(McpSchema.ImageContent.class::isInstance)
                .map(McpSchema.ImageContent.class::cast).findFirst().orElseThrow();
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
                java.util.Base64.getDecoder().decode(chart.data())));
        assertThat(png.getWidth()).isEqualTo(1000);
        assertThat(png.getHeight()).isEqualTo(420);
    }

    @Test
    void aReportNobodyKeptIsNotThere() {
        assertThatThrownBy(() -> server.client().readResource(McpSchema.ReadResourceRequest.builder(
                "cisco://fleet/reports/0123456789abcdef0123456789abcdef.csv").build()))
                .hasMessageContaining("no such report");
    }

    /** This test's client cannot ask its user: a check over FLEET_UNATTENDED_MAX_CALLS is refused, before any call. */
    @Test
    void aLongCheckAClientCannotConfirmIsRefusedWithASentence() {
        String serials = String.join("\n", new ArrayList<>(sandbox.serialNumbers().keySet()).subList(0, 4_000));
        int before = sandbox.requests().apiRequests();
        McpSchema.CallToolResult refused = server.call("check_fleet", Map.of("inventory", serials));
        assertThat(refused.isError()).isTrue();
        assertThat(InProcessServer.text(refused)).startsWith("This check needs 4000 devices: ")
                .contains("this client cannot ask the user to confirm").contains("FLEET_UNATTENDED_MAX_CALLS")
                .endsWith("Check a part of the inventory at a time.");
        assertThat(sandbox.requests().apiRequests()).isEqualTo(before);
    }

    private List<McpSchema.ProgressNotification> progressOf(String token) {
        return server.progress().stream().filter(p -> token.equals(p.progressToken())).toList();
    }

    private static Map<String, Integer> ints(JsonNode object) {
        Map<String, Integer> out = new LinkedHashMap<>();
        object.properties().forEach(e -> out.put(e.getKey(), e.getValue().asInt()));
        return out;
    }

    /** What the sandbox says of the devices, asked apart from the check (other endpoints where Cisco has them). */
    private static final class Expected {
        final Map<String, Integer> advisories = new LinkedHashMap<>(Map.of("critical", 0, "high", 0, "none", 0));
        final Map<String, Integer> lifecycle = new LinkedHashMap<>(Map.of("past_end_of_support", 0,
                "end_of_support_soon", 0, "announced_for_later", 0, "no_eox_record", 0));
        final Map<String, Integer> coverage = new LinkedHashMap<>(Map.of("covered", 0, "contracts_ending_soon", 0,
                "not_covered", 0, "no_record", 0));
        final Map<String, Integer> notChecked = new LinkedHashMap<>(Map.of("advisories", 0, "lifecycle", 0, "coverage", 0));
        int offSuggested;
        int noSuggestion;
        final Map<String, String> coverageOf = new HashMap<>();
        final Map<String, String> lifecycleOf = new HashMap<>();
        final Map<String, String> lastDateOf = new HashMap<>();
        final Map<String, String> highestOf = new HashMap<>();
    }

    private Expected expected() {
        Expected e = new Expected();
        LocalDate today = LocalDate.ofInstant(InstantSource.system().instant(), ZoneOffset.UTC);
        LocalDate horizon = today.plusMonths(12);
        CiscoHttp http = new CiscoHttp(Duration.ofSeconds(5));
        CiscoGateway gateway = new CiscoGateway(http, sandbox.apiBaseUrl(), new CiscoTokenSource(http, sandbox.tokenUrl(),
                SandboxServer.CLIENT_ID, SandboxServer.CLIENT_SECRET, InstantSource.system(), Duration.ofSeconds(5)),
                Optional.empty(), TestCisco.plain(), TimeSource.SYSTEM);
        List<String> serials = devices.stream().map(d -> d[0]).toList();
        // Coverage: the status endpoint (75 a call), not the summary the check reads.
        for (int from = 0; from < serials.size(); from += 75) {
            for (SerialCoverage c : new SerialApi(gateway).ask(SerialApi.Question.STATUS,
                    serials.subList(from, Math.min(serials.size(), from + 75)), 1).items()) {
                String state = !c.found() ? "no record" : c.covered().equals("YES") ? "covered" : "not covered";
                e.coverageOf.put(c.serial(), state);
                e.coverage.merge(state.replace(' ', '_'), 1, Integer::sum);
                if (state.equals("covered") && !LocalDate.parse(c.coverageEndDate()).isAfter(horizon)) {
                    e.coverage.merge("contracts_ending_soon", 1, Integer::sum);
                }
            }
        }
        // End of life: by serial number (the check asks by product ID where that takes fewer calls).
        for (int from = 0; from < serials.size(); from += 100) {
            for (EoxRecord r : new EoxApi(gateway).bySerialNumbers(serials.subList(from, Math.min(serials.size(), from + 100)),
                    1).records()) {
                for (String serial : r.inputs()) {
                    String last = r.found() ? r.milestones().getOrDefault("last_date_of_support", "") : "";
                    String state = !r.found() || r.milestones().isEmpty() ? "no EoX record" : last.isEmpty()
                            ? "end of life announced" : LocalDate.parse(last).isBefore(today) ? "past end of support"
                            : !LocalDate.parse(last).isAfter(horizon) ? "end of support soon" : "end of life announced";
                    e.lifecycleOf.put(serial, state);
                    if (!last.isEmpty()) {
                        e.lastDateOf.put(serial, last);
                    }
                }
            }
        }
        serials.forEach(s -> e.lifecycleOf.putIfAbsent(s, "no EoX record"));
        e.lifecycleOf.values().forEach(state -> e.lifecycle.merge(switch (state) {
            case "past end of support" -> "past_end_of_support";
            case "end of support soon" -> "end_of_support_soon";
            case "end of life announced" -> "announced_for_later";
            default -> "no_eox_record";
        }, 1, Integer::sum));
        // Advisories: each device's OS, version and platform, counted from "high" up.
        Map<String, String> highestOfQuery = new HashMap<>();
        for (String[] d : devices) {
            if (d[3].isEmpty() || d[2].equals("iosxr")) {
                e.highestOf.put(d[0], "");
                e.notChecked.merge("advisories", 1, Integer::sum);
                continue;
            }
            String alias = dev.ciscosupport.mcp.fleet.Platforms.platformAlias(d[2], d[1]);
            String highest = highestOfQuery.computeIfAbsent(d[2] + " " + d[3] + " " + alias, q -> {
                List<SecurityAdvisory> found = new PsirtApi(gateway).byOsVersion(d[2], d[3], alias.isEmpty() ? null : alias,
                        new PsirtApi.Paging(1, 100)).advisories();
                return found.stream().anyMatch(a -> a.severity().equalsIgnoreCase("critical")) ? "critical"
                        : found.stream().anyMatch(a -> a.severity().equalsIgnoreCase("high")) ? "high" : "none";
            });
            e.highestOf.put(d[0], highest);
            e.advisories.merge(highest, 1, Integer::sum);
        }
        // Suggested releases by product ID (devices listed by serial alone: the product ID Cisco has for the serial).
        Map<String, List<String>> suggested = new HashMap<>();
        List<String> pids = devices.stream().map(d -> d[1]).distinct().toList();
        for (int from = 0; from < pids.size(); from += 50) {
            for (SoftwareProduct p : new SoftwareApi(gateway).suggestions(SoftwareApi.Kind.SOFTWARE, false,
                    pids.subList(from, Math.min(pids.size(), from + 50)), 1).products()) {
                suggested.put(p.input(), p.releases().stream().filter(SoftwareRelease::suggested)
                        .map(SoftwareRelease::release).filter(r -> !r.isEmpty()).toList());
            }
        }
        for (String[] d : devices) {
            List<String> releases = suggested.getOrDefault(d[1], List.of());
            if (releases.isEmpty()) {
                e.noSuggestion++;
            } else if (!d[3].isEmpty() && releases.stream().noneMatch(r -> dev.ciscosupport.mcp.fleet.Platforms.version(r)
                    .equalsIgnoreCase(d[3]))) {
                e.offSuggested++;
            }
        }
        return e;
    }
}
