package dev.ciscosupport.mcp.tools;

import dev.ciscosupport.mcp.analysis.AffectedBugs;
import dev.ciscosupport.mcp.analysis.Budget;
import dev.ciscosupport.mcp.analysis.BugSearches;
import dev.ciscosupport.mcp.analysis.Products;
import dev.ciscosupport.mcp.cisco.IdFormat;
import dev.ciscosupport.mcp.cisco.bug.Bug;
import dev.ciscosupport.mcp.cisco.bug.BugApi;
import dev.ciscosupport.mcp.cisco.call.CallContext;
import dev.ciscosupport.mcp.cisco.call.CiscoException;
import dev.ciscosupport.mcp.cisco.eox.EoxApi;
import dev.ciscosupport.mcp.cisco.eox.EoxRecord;
import dev.ciscosupport.mcp.cisco.psirt.AdvisoryPage;
import dev.ciscosupport.mcp.cisco.psirt.PsirtApi;
import dev.ciscosupport.mcp.cisco.psirt.SecurityAdvisory;
import dev.ciscosupport.mcp.cisco.software.SoftwareApi;
import dev.ciscosupport.mcp.cisco.software.SoftwareProduct;
import dev.ciscosupport.mcp.cisco.software.SoftwareRelease;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * compare_software_versions, built on real calls: the bugs Cisco files against each version of the
 * product (severity 1 up to a maximum, every page up to a bound), the advisories PSIRT's software
 * checker finds for each, the product's end-of-life dates and Cisco's suggested release. Every part it
 * could not do (an API not enabled, the call budget spent) is said, never filled with a placeholder.
 */
final class VersionComparison {
    /** At most this many Cisco calls for one comparison; the result says when it stopped short. */
    static final int CALL_BUDGET = 40;
    /** The Bug API's names for what this tool calls product_id (a product ID, or a series name). */
    private static final Map<String, String> PRODUCT_ID = Map.of("base_pid", "product_id", "product_series", "product_id");

    private final BugApi bugs;
    private final Optional<PsirtApi> psirt;
    private final Optional<EoxApi> eox;
    private final Optional<SoftwareApi> software;

    VersionComparison(BugApi bugs, Optional<PsirtApi> psirt, Optional<EoxApi> eox, Optional<SoftwareApi> software) {
        this.bugs = bugs;
        this.psirt = psirt;
        this.eox = eox;
        this.software = software;
    }

    /** {@code compare_software_versions}' arguments. */
    record Versions(
            @Arg(value = "Base product ID, e.g. C9300-24T (or a product series name: bugs only).", required = true,
                    maxLength = 100) String productId,
            @Arg(value = "The version running now, e.g. 17.6.5.", required = true, maxLength = 40) String versionA,
            @Arg(value = "The version to compare with, e.g. 17.9.4.", required = true, maxLength = 40) String versionB,
            @Arg(value = "Highest bug severity to include, 1-6 (default 3).", minimum = 1, maximum = 6) Integer maxSeverity,
            @Arg("OS, when the product ID does not say.") PsirtApi.OsType osType,
            Boolean includeCveAnalysis,
            Boolean includeEolStatus,
            Boolean includeRecommendations) {

        /** Only the product and the two versions, every part included. */
        Versions(String productId, String versionA, String versionB) {
            this(productId, versionA, versionB, null, null, null, null, null);
        }
    }

    /**
     * The bugs (IDs) only in A, only in B and in both; the advisories of each version, the EoX dates and Cisco's
     * suggested release when asked for and done; what was not done and why; what it cost.
     */
    record Comparison(String productId, String versionA, String versionB, int maxSeverity, Map<String, Object> bugs,
            Optional<Map<String, Object>> advisories, Optional<Map<String, Object>> endOfLife,
            Optional<String> suggestedRelease, Optional<Map<String, Object>> notDone, int ciscoCalls, int callBudget,
            boolean complete) {
    }

    /** These APIs for one tool call: their requests carry the call's caller, listener and cancellation. */
    VersionComparison in(CallContext call) {
        return new VersionComparison(bugs.in(call), psirt.map(p -> p.in(call)), eox.map(e -> e.in(call)),
                software.map(s -> s.in(call)));
    }

    TypedTool.Answer<Comparison> compare(Versions args, CallContext call) {
        Budget budget = new Budget(call, CALL_BUDGET);
        try {
            return in(call).comparing(args, budget);
        } finally {
            budget.end();
        }
    }

    /** The comparison, this object's APIs being bound to the call. */
    private TypedTool.Answer<Comparison> comparing(Versions args, Budget budget) {
        String pid = args.productId().strip();
        // Both checked before either is searched: a bad version_b must not cost version_a's searches first.
        String a = IdFormat.RELEASE.check("version_a", args.versionA());
        String b = IdFormat.RELEASE.check("version_b", args.versionB());
        int maxSeverity = args.maxSeverity() == null ? 3 : args.maxSeverity();
        if (maxSeverity < 1 || maxSeverity > 6) {
            throw new CiscoException.InvalidInput("max_severity must be from 1 to 6 (got " + maxSeverity + ").");
        }
        if (a.equalsIgnoreCase(b)) {
            throw new CiscoException.InvalidInput("version_a and version_b are the same (" + a + "); give two versions.");
        }
        BugSearches searches = BugSearches.of(bugs);
        Map<String, Bug> inA = Renamed.call(PRODUCT_ID, () -> AffectedBugs.of(searches, pid, a, maxSeverity, budget));
        Map<String, Bug> inB = Renamed.call(PRODUCT_ID, () -> AffectedBugs.of(searches, pid, b, maxSeverity, budget));
        AffectedBugs.Difference difference = AffectedBugs.Difference.of(inA.keySet(), inB.keySet());
        List<String> onlyA = difference.onlyInA();
        List<String> onlyB = difference.onlyInB();
        List<String> both = difference.inBoth();

        Map<String, Object> bugSets = new LinkedHashMap<>();
        bugSets.put("only_in_a", onlyA);
        bugSets.put("only_in_b", onlyB);
        bugSets.put("in_both", both);
        StringBuilder text = new StringBuilder("Comparing " + pid + " " + a + " (A) with " + b + " (B), bugs of severity 1 to "
                + maxSeverity + " (all dates):\n");
        text.append("- affect A but not B (fixed or absent in B): ").append(onlyA.size()).append(list(onlyA, inA)).append('\n');
        text.append("- affect B but not A (new in B): ").append(onlyB.size()).append(list(onlyB, inB)).append('\n');
        text.append("- affect both: ").append(both.size()).append('\n');

        Map<String, Object> notDone = new LinkedHashMap<>();
        String osType = args.osType() == null ? null : args.osType().toString();
        Optional<Map<String, Object>> advisories = Boolean.FALSE.equals(args.includeCveAnalysis()) ? Optional.empty()
                : advisories(pid, a, b, osType, budget, notDone, text);
        Optional<Map<String, Object>> endOfLife = Boolean.FALSE.equals(args.includeEolStatus()) ? Optional.empty()
                : lifecycle(pid, budget, notDone, text);
        Optional<String> suggested = Boolean.FALSE.equals(args.includeRecommendations()) ? Optional.empty()
                : suggestion(pid, budget, notDone, text);
        text.append("Cisco calls: ").append(budget.used()).append(" (at most ").append(CALL_BUDGET).append(" per comparison)");
        if (budget.exhausted()) {
            text.append("; the budget ran out, so the sets above are partial: lower max_severity for a complete comparison");
        }
        return new TypedTool.Answer<>(text.append('.').toString(), new Comparison(pid, a, b, maxSeverity, bugSets,
                advisories, endOfLife, suggested, notDone.isEmpty() ? Optional.empty() : Optional.of(notDone), budget.used(),
                CALL_BUDGET, !budget.exhausted()));
    }

    private Optional<Map<String, Object>> advisories(String pid, String a, String b, String osTypeArgument, Budget budget,
            Map<String, Object> notDone, StringBuilder text) {
        Optional<String> osType = softwareChecker(pid, osTypeArgument, notDone, text);
        if (osType.isEmpty()) {
            return Optional.empty();
        }
        Optional<AdvisoryPage> forA = budget.spend(() -> psirt.get().byOsVersion(osType.get(), a, null,
                new PsirtApi.Paging(1, 100)));
        Optional<AdvisoryPage> forB = budget.spend(() -> psirt.get().byOsVersion(osType.get(), b, null,
                new PsirtApi.Paging(1, 100)));
        if (forA.isEmpty() || forB.isEmpty()) {
            note(notDone, "advisories", "the call budget ran out before the advisories", text);
            return Optional.empty();
        }
        Set<String> idsA = ids(forA.get());
        Set<String> idsB = ids(forB.get());
        AffectedBugs.Difference difference = AffectedBugs.Difference.of(idsA, idsB);
        Map<String, Object> advisories = new LinkedHashMap<>();
        advisories.put("os_type", osType.get());
        advisories.put("only_in_a", difference.onlyInA());
        advisories.put("only_in_b", difference.onlyInB());
        advisories.put("in_both", difference.inBoth());
        text.append("Security advisories (").append(osType.get()).append(" software checker): ").append(idsA.size())
                .append(" affect A, ").append(idsB.size()).append(" affect B; ")
                .append(difference.onlyInA().size()).append(" only A, ")
                .append(difference.onlyInB().size()).append(" only B")
                .append(" (none listed is not proof of safety).\n");
        return Optional.of(advisories);
    }

    private static boolean needsProductId(String pid, String part, Map<String, Object> notDone, StringBuilder text) {
        if (Products.isName(pid)) {
            note(notDone, part, "it needs a product ID such as C9300-24T, not a product name", text);
            return true;
        }
        return false;
    }

    /** The product's EoX dates, or empty (and a note saying why). */
    Optional<Map<String, Object>> lifecycle(String pid, Budget budget, Map<String, Object> notDone, StringBuilder text) {
        if (needsProductId(pid, "end_of_life", notDone, text)) {
            return Optional.empty();
        }
        if (eox.isEmpty()) {
            note(notDone, "end_of_life", "the EoX API is not enabled (SUPPORT_API)", text);
            return Optional.empty();
        }
        Optional<List<EoxRecord>> records = budget.spend(() -> Renamed.call(Map.of("product_ids", "product_id"),
                () -> eox.get().byProductIds(List.of(pid), 1)).records());
        if (records.isEmpty()) {
            note(notDone, "end_of_life", "the call budget ran out before the EoX dates", text);
            return Optional.empty();
        }
        Optional<EoxRecord> record = records.get().stream().filter(EoxRecord::found).findFirst();
        if (record.isEmpty()) {
            text.append("End of life: Cisco has announced none for ").append(pid).append(".\n");
            return Optional.of(Map.of("has_eox_record", false));
        }
        Map<String, String> m = record.get().milestones();
        Map<String, Object> dates = new LinkedHashMap<>();
        dates.put("has_eox_record", true); // not "announced": that is the name of a milestone (its date)
        dates.putAll(m);
        text.append("End of life: end of sale ").append(m.getOrDefault("end_of_sale", "-")).append(", end of SW maintenance ")
                .append(m.getOrDefault("end_of_sw_maintenance", "-")).append(", last date of support ")
                .append(m.getOrDefault("last_date_of_support", "-")).append(".\n");
        return Optional.of(dates);
    }

    /** Cisco's suggested release for the product ("" when Cisco gives none), or empty (and a note saying why). */
    Optional<String> suggestion(String pid, Budget budget, Map<String, Object> notDone, StringBuilder text) {
        if (needsProductId(pid, "suggested_release", notDone, text)) {
            return Optional.empty();
        }
        if (software.isEmpty()) {
            note(notDone, "suggested_release", "the Software Suggestion API is not enabled (SUPPORT_API)", text);
            return Optional.empty();
        }
        Optional<SoftwareApi.Answers> answers = budget.spend(() -> Renamed.call(Map.of("product_ids", "product_id"),
                () -> software.get().suggestions(SoftwareApi.Kind.SOFTWARE, false, List.of(pid), 1)));
        if (answers.isEmpty()) {
            note(notDone, "suggested_release", "the call budget ran out before the suggestion", text);
            return Optional.empty();
        }
        Optional<String> suggested = answers.get().products().stream().filter(SoftwareProduct::found)
                .flatMap(p -> p.releases().stream()).filter(SoftwareRelease::suggested).map(SoftwareRelease::release).findFirst();
        text.append("Cisco's suggested release: ").append(suggested.orElse("none given for " + pid)).append(".\n");
        return Optional.of(suggested.orElse(""));
    }

    /** A part not done, and why: in {@code notDone} (the result's not_done) and in the text. */
    static void note(Map<String, Object> notDone, String part, String why, StringBuilder text) {
        notDone.put(part, why);
        text.append("Not done (").append(part.replace('_', ' ')).append("): ").append(why).append(".\n");
    }

    /**
     * The operating system to ask PSIRT's software checker about, or empty (and a note saying why: the PSIRT API
     * is not enabled, or the product ID does not make the operating system plain and none was given).
     */
    private Optional<String> softwareChecker(String pid, String osTypeArgument, Map<String, Object> notDone,
            StringBuilder text) {
        if (psirt.isEmpty()) {
            note(notDone, "advisories", "the PSIRT openVuln API is not enabled (SUPPORT_API)", text);
            return Optional.empty();
        }
        Optional<String> osType = osTypeArgument != null ? Optional.of(osTypeArgument.toLowerCase(Locale.ROOT)) : osTypeOf(pid);
        if (osType.isEmpty()) {
            note(notDone, "advisories", "the operating system of " + pid + " is not clear from its ID; pass os_type ("
                    + String.join(", ", PsirtApi.OS_TYPES) + ")", text);
        }
        return osType;
    }

    /** The advisories PSIRT's software checker finds for one version of the product. */
    Optional<List<Map<String, Object>>> advisoriesOf(String pid, String version, String osTypeArgument, Budget budget,
            Map<String, Object> notDone, StringBuilder text) {
        Optional<String> osType = softwareChecker(pid, osTypeArgument, notDone, text);
        if (osType.isEmpty()) {
            return Optional.empty();
        }
        Optional<AdvisoryPage> page = budget.spend(() -> psirt.get().byOsVersion(osType.get(), version, null,
                new PsirtApi.Paging(1, 100)));
        if (page.isEmpty()) {
            note(notDone, "advisories", "the call budget ran out before the advisories", text);
            return Optional.empty();
        }
        List<Map<String, Object>> items = page.get().advisories().stream().map(a -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("advisory_id", a.advisoryId());
            item.put("severity", a.severity());
            item.put("title", a.title());
            return item;
        }).toList();
        text.append("Security advisories for ").append(version).append(" (").append(osType.get()).append(" software checker): ")
                .append(items.size()).append(items.isEmpty() ? " (none listed is not proof of safety)" : "").append('\n');
        page.get().advisories().stream().limit(10).forEach(a -> text.append("    ").append(a.advisoryId()).append(' ')
                .append(a.severity()).append(' ').append(a.title()).append('\n'));
        return Optional.of(items);
    }

    private static Set<String> ids(AdvisoryPage page) {
        Set<String> ids = new LinkedHashSet<>();
        page.advisories().stream().map(SecurityAdvisory::advisoryId).forEach(ids::add);
        return ids;
    }

    /** The operating system PSIRT's software checker needs, when the product ID makes it plain. */
    static Optional<String> osTypeOf(String pid) {
        String p = pid.toUpperCase(Locale.ROOT);
        if (p.startsWith("N9K") || p.startsWith("N7K") || p.startsWith("N3K") || p.startsWith("N5K") || p.startsWith("NEXUS")) {
            return Optional.of("nxos");
        }
        if (p.startsWith("ASA")) {
            return Optional.of("asa");
        }
        if (p.startsWith("FPR") || p.startsWith("FIREPOWER")) {
            return Optional.of("ftd");
        }
        if (p.startsWith("C9") || p.startsWith("ISR4") || p.startsWith("ASR1") || p.startsWith("C8") || p.startsWith("C1")
                || p.startsWith("CAT9")) {
            return Optional.of("iosxe");
        }
        return Optional.empty();
    }

    private static String list(List<String> ids, Map<String, Bug> bugs) {
        if (ids.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        ids.stream().limit(10).forEach(id -> {
            Bug bug = bugs.get(id);
            out.append("\n    ").append(id).append(" sev ").append(bug.severity()).append(' ').append(bug.headline());
        });
        if (ids.size() > 10) {
            out.append("\n    ... ").append(ids.size() - 10).append(" more in structuredContent");
        }
        return out.toString();
    }
}
