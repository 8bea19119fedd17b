package dev.ciscosupport.mcp.fleet;

import dev.ciscosupport.mcp.cisco.Batches;
import dev.ciscosupport.mcp.cisco.call.CallContext;
import dev.ciscosupport.mcp.cisco.call.CiscoException;
import dev.ciscosupport.mcp.cisco.eox.EoxApi;
import dev.ciscosupport.mcp.cisco.eox.EoxPage;
import dev.ciscosupport.mcp.cisco.eox.EoxRecord;
import dev.ciscosupport.mcp.cisco.psirt.AdvisoryPage;
import dev.ciscosupport.mcp.cisco.psirt.PsirtApi;
import dev.ciscosupport.mcp.cisco.psirt.SecurityAdvisory;
import dev.ciscosupport.mcp.cisco.resilience.TimeSource;
import dev.ciscosupport.mcp.cisco.serial.SerialApi;
import dev.ciscosupport.mcp.cisco.serial.SerialCoverage;
import dev.ciscosupport.mcp.cisco.software.SoftwareApi;
import dev.ciscosupport.mcp.cisco.software.SoftwareProduct;
import dev.ciscosupport.mcp.config.SupportApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs a {@link FleetPlan}: one API after the other, one Cisco call at a time within the quota (answers lately fetched
 * come from the cache), progress after each, stopping at once when the call is cancelled. A quota wait longer than the
 * server lets one request wait (PSIRT's 30 a minute) is waited out here, cancellably, rather than failing the check. An
 * API that fails (not entitled, unavailable) leaves its check not done, with why; the others go on.
 */
public final class FleetRun {
    /** Times one Cisco call is tried again after the quota said "not yet". */
    private static final int QUOTA_ROUNDS = 5;
    /** Software-checker pages asked for one question at most (100 advisories each). */
    private static final int ADVISORY_PAGES = 5;
    private final Optional<SerialApi> serial;
    private final Optional<EoxApi> eox;
    private final Optional<PsirtApi> psirt;
    private final Optional<SoftwareApi> software;
    private final TimeSource clock;

    public FleetRun(Optional<SerialApi> serial, Optional<EoxApi> eox, Optional<PsirtApi> psirt,
            Optional<SoftwareApi> software, TimeSource clock) {
        this.serial = serial;
        this.eox = eox;
        this.psirt = psirt;
        this.software = software;
        this.clock = clock;
    }

    Findings run(FleetPlan plan, List<Device> devices, CallContext call) {
        Findings found = new Findings();
        found.notDone.putAll(plan.notDone());
        call.steps(Math.max(1, plan.totalCalls()));
        if (!plan.coverageBatches().isEmpty()) {
            step(found, Check.COVERAGE, () -> coverage(plan, call, found));
        }
        if (!plan.eoxByProductId().isEmpty() || !plan.eoxBySerial().isEmpty()) {
            step(found, Check.LIFECYCLE, () -> lifecycle(plan, call, found));
        }
        if (!plan.advisoryQueries().isEmpty()) {
            step(found, Check.ADVISORIES, () -> advisories(plan, call, found));
        }
        if (plan.checks().contains(Check.SUGGESTED_RELEASE)) {
            step(found, Check.SUGGESTED_RELEASE, () -> suggestions(devices, call, found));
        }
        return found;
    }

    /** One API's part: its failure leaves its check not done (a cancel ends the whole check). */
    private static void step(Findings found, Check check, Runnable part) {
        try {
            part.run();
        } catch (CiscoException.Cancelled e) {
            throw e;
        } catch (CiscoException e) {
            found.notDone.putIfAbsent(check, "Cisco's " + check.api().displayName() + " failed: " + e.getMessage());
        }
    }

    private void coverage(FleetPlan plan, CallContext call, Findings found) {
        SerialApi api = serial.orElseThrow().in(call);
        int done = 0;
        for (List<String> batch : plan.coverageBatches()) {
            SerialApi.Answers answers = asked(call, () -> api.ask(SerialApi.Question.SUMMARY, batch, 1));
            found.called(SupportApi.SERIAL, answers.ciscoCalls());
            for (SerialCoverage c : answers.items()) {
                found.coverage.put(c.serial().toUpperCase(Locale.ROOT), c);
                if (!c.baseProductIds().isEmpty()) {
                    found.productIdBySerial.put(c.serial().toUpperCase(Locale.ROOT), c.baseProductIds().get(0));
                }
            }
            done += batch.size();
            call.step("Coverage: " + done + " of " + plan.coverageBatches().stream().mapToInt(List::size).sum() + " serials");
        }
    }

    private void lifecycle(FleetPlan plan, CallContext call, Findings found) {
        EoxApi api = eox.orElseThrow().in(call);
        for (List<String> batch : plan.eoxByProductId()) {
            EoxPage page = asked(call, () -> api.byProductIds(batch, 1));
            keep(page, batch, found.eoxByProductId, found);
            call.step("End of life: " + batch.size() + " product IDs answered");
        }
        for (List<String> batch : plan.eoxBySerial()) {
            EoxPage page = asked(call, () -> api.bySerialNumbers(batch, 1));
            keep(page, batch, found.eoxBySerial, found);
            call.step("End of life: " + batch.size() + " serial numbers answered");
        }
    }

    /** Each input's record: Cisco names the inputs a record answers; an input with none has no EoX record. */
    private static void keep(EoxPage page, List<String> batch, Map<String, EoxRecord> into, Findings found) {
        found.called(SupportApi.EOX, page.ciscoCalls());
        for (EoxRecord record : page.records()) {
            for (String input : record.inputs()) {
                into.merge(input.toUpperCase(Locale.ROOT), record, (had, now) -> had.found() ? had : now);
            }
        }
        batch.stream().map(i -> i.toUpperCase(Locale.ROOT)).filter(i -> !into.containsKey(i)).forEach(found.eoxNone::add);
    }

    private void advisories(FleetPlan plan, CallContext call, Findings found) {
        PsirtApi api = psirt.orElseThrow().in(call);
        int done = 0;
        for (FleetPlan.AdvisoryQuery q : plan.advisoryQueries()) {
            List<SecurityAdvisory> all = new ArrayList<>();
            try {
                for (int page = 1; page <= ADVISORY_PAGES; page++) {
                    int index = page;
                    AdvisoryPage answer = asked(call, () -> api.byOsVersion(q.osType(), q.version(),
                            q.platformAlias().isEmpty() ? null : q.platformAlias(), new PsirtApi.Paging(index, 100)));
                    found.called(SupportApi.PSIRT, 1);
                    all.addAll(answer.advisories());
                    if (!answer.hasNext()) {
                        break;
                    }
                }
                found.advisories.put(q, all);
            } catch (CiscoException.Rejected | CiscoException.InvalidInput e) {
                found.advisoryErrors.put(q, e.getMessage()); // this version, not the API: the others go on
            }
            done++;
            call.step("Advisories: " + done + " of " + plan.advisoryQueries().size() + " OS versions checked");
        }
    }

    private void suggestions(List<Device> devices, CallContext call, Findings found) {
        if (software.isEmpty()) {
            return;
        }
        SoftwareApi api = software.get().in(call);
        List<String> pids = devices.stream().map(d -> d.productId().isEmpty()
                ? found.productIdBySerial.getOrDefault(d.serial(), "") : d.productId())
                .filter(p -> !p.isEmpty()).distinct().toList();
        for (List<String> batch : Batches.of(pids, FleetPlan.SOFTWARE_PER_CALL)) {
            SoftwareApi.Answers answers = asked(call, () -> api.suggestions(SoftwareApi.Kind.SOFTWARE, false, batch, 1));
            found.called(SupportApi.SOFTWARE, answers.ciscoCalls());
            for (SoftwareProduct p : answers.products()) {
                found.software.put(p.input().toUpperCase(Locale.ROOT), p);
            }
            call.step("Suggested releases: " + found.software.size() + " of " + pids.size() + " product IDs");
        }
    }

    /**
     * One Cisco call; when the quota makes it wait longer than one request may, the wait happens here (the check was
     * planned, and confirmed when long), cancellably, and the call is made again.
     */
    private <T> T asked(CallContext call, Supplier<T> ask) {
        for (int round = 1; ; round++) {
            if (call.cancelled()) {
                throw new CiscoException.Cancelled("fleet check");
            }
            try {
                return ask.get();
            } catch (CiscoException.RateLimited e) {
                if (round >= QUOTA_ROUNDS || e.fromCisco()) {
                    throw e;
                }
                try {
                    if (!clock.sleep(Duration.ofSeconds(e.retryAfterSeconds()), call)) {
                        throw new CiscoException.Cancelled("fleet check");
                    }
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new CiscoException.Cancelled("fleet check");
                }
            }
        }
    }
}
