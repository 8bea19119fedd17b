package dev.ciscosupport.mcp.fleet;

import dev.ciscosupport.mcp.cisco.eox.EoxRecord;
import dev.ciscosupport.mcp.cisco.psirt.SecurityAdvisory;
import dev.ciscosupport.mcp.cisco.serial.SerialCoverage;
import dev.ciscosupport.mcp.cisco.software.SoftwareProduct;
import dev.ciscosupport.mcp.config.SupportApi;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What Cisco answered during a fleet check, by what was asked: coverage by serial, EoX records by product ID or serial,
 * advisories by software-checker question, suggestions by product ID. An input that is absent was not asked (its check
 * was not done: {@link #notDone} says why); an input Cisco had nothing for is present with Cisco's "no record".
 */
final class Findings {
    final Map<String, SerialCoverage> coverage = new HashMap<>();
    final Map<String, EoxRecord> eoxByProductId = new HashMap<>();
    final Map<String, EoxRecord> eoxBySerial = new HashMap<>();
    /** Inputs EoX answered with no record at all (Cisco: "EOX information does not exist"). */
    final Set<String> eoxNone = new HashSet<>();
    final Map<FleetPlan.AdvisoryQuery, List<SecurityAdvisory>> advisories = new HashMap<>();
    /** A software-checker question Cisco refused (an unknown version, say), with Cisco's words. */
    final Map<FleetPlan.AdvisoryQuery, String> advisoryErrors = new HashMap<>();
    final Map<String, SoftwareProduct> software = new HashMap<>();
    /** Product IDs learnt from the coverage summary for devices listed by serial alone. */
    final Map<String, String> productIdBySerial = new HashMap<>();
    final Map<Check, String> notDone = new LinkedHashMap<>();
    final Map<SupportApi, Integer> calls = new EnumMap<>(SupportApi.class);

    void called(SupportApi api, int requests) {
        calls.merge(api, requests, Integer::sum);
    }
}
