package dev.ciscosupport.mcp.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.config.Quota;
import dev.ciscosupport.mcp.config.SupportApi;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The calls a fleet check makes are decided before the first, and so is the time the quota gives them. */
class FleetPlanTest {
    private static final Quota FIVE_A_SECOND = Quota.parse("5/s,5000/day");
    private static final Quota PSIRT = Quota.parse("5/s,30/min,5000/day");

    private static Quota quota(SupportApi api) {
        return api == SupportApi.PSIRT ? PSIRT : FIVE_A_SECOND;
    }

    /** 60 devices of 3 models (20 each), every one with a serial, IOS XE 17.9.4. */
    private static List<Device> fleet() {
        return IntStream.range(0, 60).mapToObj(i -> new Device("line " + i, "", "", String.format("FOC%08d", i),
                List.of("C9300-24T", "C9200-24T", "C9500-48Y4C").get(i % 3), "iosxe", "17.9.4")).toList();
    }

    @Test
    void eachApiGetsItsPerCallLimitAndEoxIsAskedByProductIdWhenThatIsFewerCalls() {
        FleetPlan plan = FleetPlan.of(fleet(), EnumSet.allOf(Check.class), EnumSet.allOf(SupportApi.class),
                FleetPlanTest::quota);
        assertThat(plan.calls()).containsExactly(Map.entry(SupportApi.EOX, 1), Map.entry(SupportApi.PSIRT, 1),
                Map.entry(SupportApi.SERIAL, 2), Map.entry(SupportApi.SOFTWARE, 1));
        assertThat(plan.eoxByProductId()).containsExactly(List.of("C9300-24T", "C9200-24T", "C9500-48Y4C"));
        assertThat(plan.eoxBySerial()).isEmpty();
        assertThat(plan.coverageBatches()).extracting(List::size).containsExactly(50, 10);
        assertThat(plan.estimate()).isEqualTo(Duration.ZERO); // 2 calls at most to any API: within the first second
    }

    @Test
    void theTimeIsWhatEachApisQuotaAllowsOneApiAfterTheOther() {
        assertThat(FleetPlan.timeFor(50, FIVE_A_SECOND)).isEqualTo(Duration.ofSeconds(9));
        assertThat(FleetPlan.timeFor(31, PSIRT)).isEqualTo(Duration.ofMinutes(1)); // the 31st waits for the next minute
        assertThat(FleetPlan.timeFor(5, FIVE_A_SECOND)).isEqualTo(Duration.ZERO);
    }

    @Test
    void aCheckTheCallerMayNotHaveIsNotDoneAndItsApiIsNotAsked() {
        List<Device> bySerialAlone = IntStream.range(0, 10).mapToObj(i -> new Device("line " + i, "", "",
                String.format("FOC%08d", i), "", "", "")).toList();
        FleetPlan plan = FleetPlan.of(bySerialAlone, EnumSet.allOf(Check.class), EnumSet.allOf(SupportApi.class),
                Map.of(Check.COVERAGE, "your sign-in does not grant support.serial"), FleetPlanTest::quota);
        assertThat(plan.notDone()).containsEntry(Check.COVERAGE, "your sign-in does not grant support.serial");
        assertThat(plan.calls()).doesNotContainKey(SupportApi.SERIAL);
        assertThat(plan.eoxBySerial()).hasSize(1);
    }
}
