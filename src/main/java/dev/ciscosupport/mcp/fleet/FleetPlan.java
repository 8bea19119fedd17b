package dev.ciscosupport.mcp.fleet;

import dev.ciscosupport.mcp.cisco.Batches;
import dev.ciscosupport.mcp.config.Quota;
import dev.ciscosupport.mcp.config.SupportApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The Cisco calls a fleet check makes, decided before the first one: serials to the Serial Number to Information API's
 * coverage summary 50 per call (Cisco pages summaries at 50 records, SPEC 8.1, so 50 is the most one call answers
 * whole); product IDs and serials to EoX 20 per call (by product ID when the fleet shares product IDs, which is fewer
 * calls than by serial); each distinct OS type, version and platform once to the PSIRT software checker; product IDs to
 * Software Suggestion 10 per call. The calls per API are exact, except Software Suggestion's, an upper bound (the
 * product IDs of devices listed by serial alone are learnt on the way). The time is what the quota allows, one API
 * after the other.
 */
public record FleetPlan(Set<Check> checks, Map<Check, String> notDone, List<List<String>> coverageBatches,
        List<List<String>> eoxByProductId, List<List<String>> eoxBySerial, List<AdvisoryQuery> advisoryQueries,
        int softwareCallsAtMost, Map<SupportApi, Integer> calls, Duration estimate) {

    public static final int COVERAGE_PER_CALL = 50;
    public static final int EOX_PER_CALL = 20;
    public static final int SOFTWARE_PER_CALL = 10;

    /** One question to the software checker: the devices running this OS type and version on this platform. */
    public record AdvisoryQuery(String osType, String version, String platformAlias) {
        static AdvisoryQuery of(Device d) {
            return new AdvisoryQuery(d.osType(), d.version(), Platforms.platformAlias(d.osType(), d.productId()));
        }
    }

    public FleetPlan {
        checks = Set.copyOf(checks);
        notDone = Map.copyOf(notDone);
        Map<SupportApi, Integer> inOrder = new EnumMap<>(SupportApi.class); // the order people read them in
        inOrder.putAll(calls);
        calls = Collections.unmodifiableMap(inOrder);
    }

    /**
     * @param wanted  the checks asked for
     * @param enabled the APIs this server may call (and their reasons not to, for the others)
     * @param quotas  each API's quota (null: none)
     */
    public static FleetPlan of(List<Device> devices, Set<Check> wanted, Set<SupportApi> enabled,
            Function<SupportApi, Quota> quotas) {
        return of(devices, wanted, enabled, Map.of(), quotas);
    }

    /** @param refused checks this caller may not have (its token's scopes), with why */
    public static FleetPlan of(List<Device> devices, Set<Check> wanted, Set<SupportApi> enabled, Map<Check, String> refused,
            Function<SupportApi, Quota> quotas) {
        Set<Check> checks = new LinkedHashSet<>();
        Map<Check, String> notDone = new LinkedHashMap<>();
        for (Check check : wanted) {
            if (refused.containsKey(check)) {
                notDone.put(check, refused.get(check));
            } else if (enabled.contains(check.api())) {
                checks.add(check);
            } else {
                notDone.put(check, "Cisco's " + check.api().displayName() + " is not enabled on this server (SUPPORT_API)");
            }
        }
        List<String> serials = devices.stream().map(Device::serial).filter(s -> !s.isEmpty()).distinct().toList();
        List<String> serialOnly = devices.stream().filter(d -> d.productId().isEmpty() && !d.serial().isEmpty())
                .map(Device::serial).distinct().toList();
        List<String> productIds = devices.stream().map(Device::productId).filter(p -> !p.isEmpty()).distinct().toList();
        // Devices listed by serial alone get their product ID from the coverage summary, for their suggested release
        // (only where the caller may ask that API).
        boolean learnProductIds = checks.contains(Check.SUGGESTED_RELEASE) && !serialOnly.isEmpty()
                && enabled.contains(SupportApi.SERIAL) && !refused.containsKey(Check.COVERAGE);
        List<List<String>> coverage = checks.contains(Check.COVERAGE) || learnProductIds
                ? Batches.of(serials, COVERAGE_PER_CALL) : List.of();

        List<List<String>> eoxByPid = List.of();
        List<List<String>> eoxBySerial = List.of();
        if (checks.contains(Check.LIFECYCLE)) {
            // Either each distinct product ID once (and the serials without one), or each serial (and the product IDs
            // of devices without one): whichever takes fewer calls.
            List<String> pidOnly = devices.stream().filter(d -> d.serial().isEmpty()).map(Device::productId)
                    .filter(p -> !p.isEmpty()).distinct().toList();
            int byPid = batches(productIds.size()) + batches(serialOnly.size());
            int bySerial = batches(serials.size()) + batches(pidOnly.size());
            if (byPid <= bySerial) {
                eoxByPid = Batches.of(productIds, EOX_PER_CALL);
                eoxBySerial = Batches.of(serialOnly, EOX_PER_CALL);
            } else {
                eoxByPid = Batches.of(pidOnly, EOX_PER_CALL);
                eoxBySerial = Batches.of(serials, EOX_PER_CALL);
            }
        }
        List<AdvisoryQuery> queries = !checks.contains(Check.ADVISORIES) ? List.of() : devices.stream()
                .filter(d -> Platforms.CHECKED.contains(d.osType()) && !d.version().isEmpty())
                .map(AdvisoryQuery::of).distinct().toList();
        int software = !checks.contains(Check.SUGGESTED_RELEASE) ? 0
                : (productIds.size() + (learnProductIds ? serialOnly.size() : 0) + SOFTWARE_PER_CALL - 1) / SOFTWARE_PER_CALL;

        Map<SupportApi, Integer> calls = new EnumMap<>(SupportApi.class);
        calls.put(SupportApi.SERIAL, coverage.size());
        calls.put(SupportApi.EOX, eoxByPid.size() + eoxBySerial.size());
        calls.put(SupportApi.PSIRT, queries.size());
        calls.put(SupportApi.SOFTWARE, software);
        calls.values().removeIf(n -> n == 0);
        Duration estimate = Duration.ZERO;
        for (Map.Entry<SupportApi, Integer> e : calls.entrySet()) {
            estimate = estimate.plus(timeFor(e.getValue(), quotas.apply(e.getKey())));
        }
        return new FleetPlan(checks, notDone, coverage, eoxByPid, eoxBySerial, queries, software, calls, estimate);
    }

    private static int batches(int inputs) {
        return (inputs + EOX_PER_CALL - 1) / EOX_PER_CALL;
    }

    /** How long {@code calls} take under the quota from an empty window: each limit lets {@code count} through per window. */
    static Duration timeFor(int calls, Quota quota) {
        Duration longest = Duration.ZERO;
        if (quota == null || calls == 0) {
            return longest;
        }
        for (Quota.Limit limit : quota.limits()) {
            long fullWindows = (calls + limit.count() - 1L) / limit.count() - 1;
            Duration wait = limit.window().multipliedBy(fullWindows);
            if (wait.compareTo(longest) > 0) {
                longest = wait;
            }
        }
        return longest;
    }

    /** Every Cisco call planned (Software Suggestion's as its upper bound). */
    public int totalCalls() {
        return calls.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** "SN2INFO 20, EoX 10, PSIRT 31, Software Suggestion at most 12", for people. */
    public String callsText() {
        List<String> parts = new ArrayList<>();
        calls.forEach((api, n) -> parts.add(api.displayName() + " " + (api == SupportApi.SOFTWARE ? "at most " : "") + n));
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }
}
