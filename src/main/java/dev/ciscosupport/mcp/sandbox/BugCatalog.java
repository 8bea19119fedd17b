package dev.ciscosupport.mcp.sandbox;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The sandbox's bug database: several hundred bugs over a dozen product families, made from a fixed
 * seed so every run sees the same IDs and texts. Modification dates are relative to the day the
 * catalog is made, so Cisco's default "last 30 days" filter always has something to find.
 */
final class BugCatalog {
    static final int BUGS_PER_FAMILY = 60;
    private static final List<String> ID_LETTERS = List.of("vx", "vy", "vz", "wa", "wb", "wc", "wd", "we", "wf", "wh", "wi");

    private final List<SandboxBug> bugs;
    private final Map<String, SandboxBug> byId = new LinkedHashMap<>();
    private final LocalDate today;

    BugCatalog(long seed, LocalDate today) {
        this.today = today;
        this.bugs = List.copyOf(generate(new Random(seed), today));
        bugs.forEach(b -> byId.put(b.bugId().toLowerCase(Locale.ROOT), b));
    }

    List<SandboxBug> all() {
        return bugs;
    }

    LocalDate today() {
        return today;
    }

    Optional<SandboxBug> byId(String bugId) {
        return Optional.ofNullable(byId.get(bugId.toLowerCase(Locale.ROOT)));
    }

    /** The bugs matching {@code match} and Cisco's filters, in Cisco's sort order. */
    List<SandboxBug> search(Predicate<SandboxBug> match, String status, String severity, String modifiedDate, String sortBy) {
        LocalDate since = since(modifiedDate);
        return bugs.stream()
                .filter(match)
                .filter(b -> status == null || b.status().equals(status))
                .filter(b -> severity == null || String.valueOf(b.severity()).equals(severity))
                .filter(b -> since == null || !b.lastModified().isBefore(since))
                .sorted(order(sortBy))
                .toList();
    }

    /** {@code modified_date}: 1 last week, 2 last 30 days, 3 last 6 months, 4 last year, 5 all. */
    private LocalDate since(String modifiedDate) {
        return switch (modifiedDate) {
            case "1" -> today.minusDays(7);
            case "2" -> today.minusDays(30);
            case "3" -> today.minusMonths(6);
            case "4" -> today.minusYears(1);
            default -> null;
        };
    }

    private static Comparator<SandboxBug> order(String sortBy) {
        Comparator<SandboxBug> newest = Comparator.comparing(SandboxBug::lastModified).reversed();
        Comparator<SandboxBug> primary = switch (sortBy) {
            case "modified_date_earliest" -> Comparator.comparing(SandboxBug::lastModified);
            case "severity" -> Comparator.comparingInt(SandboxBug::severity).thenComparing(newest);
            case "status" -> Comparator.comparing(SandboxBug::status).thenComparing(newest);
            case "support_case_count" -> Comparator.comparingInt(SandboxBug::supportCases).reversed();
            default -> newest;
        };
        return primary.thenComparing(SandboxBug::bugId);
    }

    private static List<SandboxBug> generate(Random random, LocalDate today) {
        List<SandboxBug> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (ProductFamily family : ProductFamily.ALL) {
            for (int i = 0; i < BUGS_PER_FAMILY; i++) {
                out.add(bug(random, today, family, uniqueId(random, ids)));
            }
        }
        return out;
    }

    private static String uniqueId(Random random, Set<String> ids) {
        while (true) {
            String id = "CSC" + ID_LETTERS.get(random.nextInt(ID_LETTERS.size()))
                    + Digits.padded(random.nextInt(100_000), 5);
            if (ids.add(id)) {
                return id;
            }
        }
    }

    private static SandboxBug bug(Random random, LocalDate today, ProductFamily family, String id) {
        BugTopic topic = BugTopic.ALL.get(random.nextInt(BugTopic.ALL.size()));
        List<String> releases = family.releases();
        String status = pick(random, new String[] {"O", "O", "O", "O", "O", "O", "O", "F", "F", "F", "F", "F", "F", "F",
            "F", "F", "F", "F", "T", "T"});
        // A fixed bug affects some releases and is fixed in later ones; keep the newest release free for the fix.
        int affectedUpTo = status.equals("F") ? releases.size() - 1 : releases.size();
        int firstAffected = random.nextInt(affectedUpTo);
        int affectedCount = 1 + random.nextInt(Math.min(3, affectedUpTo - firstAffected));
        TreeSet<Integer> affectedIdx = new TreeSet<>();
        for (int k = 0; k < affectedCount; k++) {
            affectedIdx.add(firstAffected + k);
        }
        List<String> affected = affectedIdx.stream().map(releases::get).toList();
        List<String> fixed = new ArrayList<>();
        if (status.equals("F")) {
            for (int k = affectedIdx.last() + 1; k < releases.size() && fixed.size() < 3; k++) {
                fixed.add(releases.get(k));
            }
        }
        String release = affected.get(0);
        int severity = pick(random, new Integer[] {1, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4, 5, 6});
        LocalDate modified = today.minusDays(daysAgo(random));
        LocalDate created = modified.minusDays(random.nextInt(400));
        String description = "<B>Symptom:</B>\n" + fill(topic.symptom(), family, release)
                + "\n\n<B>Conditions:</B>\n" + fill(topic.conditions(), family, release)
                + "\n\n<B>Workaround:</B>\n" + fill(topic.workaround(), family, release)
                + "\n\n<B>Further Problem Description:</B>\nSeen on " + family.platform() + " ("
                + String.join(", ", family.productIds()) + ").\n";
        return new SandboxBug(id, fill(topic.headline(), family, release), description, severity, status,
                random.nextInt(10) == 0 ? "" : "false", created, modified, family, affected, fixed,
                random.nextInt(4) == 0 ? 0 : random.nextInt(150));
    }

    /** Spread over three years, with a good share in the last 30 days (Cisco's default window). */
    private static int daysAgo(Random random) {
        int bucket = random.nextInt(100);
        if (bucket < 20) {
            return random.nextInt(7);
        }
        if (bucket < 40) {
            return 7 + random.nextInt(23);
        }
        if (bucket < 60) {
            return 30 + random.nextInt(150);
        }
        if (bucket < 75) {
            return 185 + random.nextInt(175);
        }
        return 370 + random.nextInt(730);
    }

    private static String fill(String text, ProductFamily family, String release) {
        return text.replace("%p", family.platform()).replace("%r", release);
    }

    private static <T> T pick(Random random, T[] choices) {
        return choices[random.nextInt(choices.length)];
    }
}
