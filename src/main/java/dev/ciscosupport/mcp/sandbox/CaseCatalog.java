package dev.ciscosupport.mcp.sandbox;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The sandbox's support cases: on the serials and contracts of the coverage data, some naming bugs of the
 * bug catalog, opened by a handful of users over the last two years. Made from a fixed seed.
 */
final class CaseCatalog {
    static final int CASES = 300;
    static final List<String[]> USERS = List.of(new String[] {"jdoe", "John Doe"}, new String[] {"asmith", "Alice Smith"},
            new String[] {"bkumar", "Bala Kumar"}, new String[] {"mgarcia", "Maria Garcia"}, new String[] {"lchen", "Li Chen"});
    private static final List<String> STATUSES_OPEN = List.of("Cisco Pending", "Customer Pending", "Close Pending");
    private static final List<String[]> TECHNOLOGIES = List.of(new String[] {"LAN Switching", "Cat9300"},
            new String[] {"Routing Protocols", "BGP"}, new String[] {"Security - Network Firewalls", "ASA"},
            new String[] {"Wireless", "Catalyst 9800"}, new String[] {"Data Center Switching", "Nexus 9000"});

    record SupportCase(String caseId, String userId, String contactName, String title, String severity, boolean open,
            String status, LocalDateTime created, LocalDateTime updated, String serial, String contract, String technology,
            String subTechnology, List<String> bugs, List<String[]> notes, String productId, String rmaNumber,
            String rmaStatus) {
    }

    private final Map<String, SupportCase> byId = new LinkedHashMap<>();

    CaseCatalog(long seed, EoxCatalog products, CoverageCatalog coverage, BugCatalog bugs, LocalDateTime now) {
        Random random = new Random(seed);
        List<String> serials = new ArrayList<>(products.serials().keySet());
        List<SandboxBug> allBugs = bugs.all();
        for (int i = 0; i < CASES; i++) {
            String id = String.valueOf(694_000_000 + i * 3_517);
            String[] user = USERS.get(random.nextInt(USERS.size()));
            String serial = serials.get(random.nextInt(serials.size()));
            CoverageCatalog.Coverage c = coverage.bySerial(serial).orElseThrow();
            SandboxBug bug = allBugs.get(random.nextInt(allBugs.size()));
            String[] tech = TECHNOLOGIES.get(random.nextInt(TECHNOLOGIES.size()));
            LocalDateTime created = now.minusMinutes(random.nextInt(2 * 365 * 24 * 60));
            boolean open = random.nextInt(3) == 0;
            LocalDateTime updated = created.plusMinutes(random.nextInt(30 * 24 * 60));
            if (updated.isAfter(now)) {
                updated = now.minusMinutes(5);
            }
            // Newest first, as Cisco sends them (recorded case/details.200.json).
            List<String[]> notes = List.of(
                    new String[] {"Troubleshooting", "Collected show tech-support. Matches " + bug.bugId() + ".",
                        "Sam Engineer", updated.toString()},
                    new String[] {"Case opened", "Problem: " + bug.headline() + " on " + c.productId() + " (" + serial + ").",
                        user[1], created.toString()});
            byId.put(id, new SupportCase(id, user[0], user[1], bug.headline() + " on " + c.productId(),
                    String.valueOf(1 + random.nextInt(4)), open, open ? STATUSES_OPEN.get(random.nextInt(3)) : "Closed",
                    created, updated, serial, c.contract(), tech[0], tech[1],
                    random.nextBoolean() ? List.of(bug.bugId()) : List.of(), notes, c.productId(),
                    i % 3 == 0 ? String.valueOf(801_000_000 + i * 1_013) : null,
                    List.of("Open", "Booked", "Hold", "Closed", "Cancelled").get(random.nextInt(5))));
        }
    }

    Optional<SupportCase> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    List<SupportCase> all() {
        return List.copyOf(byId.values());
    }

    static String time(LocalDateTime t) {
        return t.atOffset(ZoneOffset.UTC).withNano(0).toLocalDateTime() + (t.getSecond() == 0 ? ":00" : "") + ".000Z";
    }
}
