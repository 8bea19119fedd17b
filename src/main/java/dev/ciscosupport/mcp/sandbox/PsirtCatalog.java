package dev.ciscosupport.mcp.sandbox;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * The sandbox's security advisories: several hundred across 2015 to 2026, every severity, and the OS types
 * the software checker knows, each tied to bugs of the bug catalog and to the product families' releases,
 * so that a device's release, its bugs and its advisories tell one story. Made from a fixed seed.
 */
final class PsirtCatalog {
    static final int ADVISORIES = 360;
    /** Per OS type: the releases the software checker knows (oldest first), the product, the bug component. */
    record Os(String type, List<String> releases, String product, String component, String platform) {
    }

    static final List<Os> OS_TYPES = List.of(
            new Os("iosxe", List.of("16.9.5", "16.12.4", "16.12.8", "17.3.4", "17.3.6", "17.6.4", "17.6.5", "17.9.3", "17.9.4",
                    "17.9.4a", "17.12.1", "17.12.2"), "Cisco IOS XE Software", "cat9k", null),
            new Os("ios", List.of("15.2(4)E10", "15.2(7)E8", "15.9(3)M7", "15.9(3)M9"), "Cisco IOS Software", "cat3k", null),
            new Os("nxos", List.of("9.3(8)", "9.3(10)", "9.3(12)", "10.2(5)", "10.3(3)", "10.4(2)"), "Cisco NX-OS Software",
                    "nxos", "NEXUS9000"),
            new Os("asa", List.of("9.12(4)", "9.14(4)", "9.16(4)", "9.18(3)", "9.20(2)"),
                    "Cisco Adaptive Security Appliance (ASA) Software", "asa", "ASA5500X"),
            new Os("ftd", List.of("6.6.7", "7.0.5", "7.2.5", "7.4.1"), "Cisco Firepower Threat Defense Software", "ftd",
                    "FPR2100"),
            new Os("fxos", List.of("2.10.1", "2.12.0", "2.13.0"), "Cisco Firepower eXtensible Operating System", "ftd",
                    "FPR4100"),
            new Os("fmc", List.of("7.0.5", "7.2.5", "7.4.1"), "Cisco Secure Firewall Management Center Software", "ftd", null),
            new Os("aci", List.of("15.2(7)", "16.0(3)"), "Cisco Application Policy Infrastructure Controller", "nxos", null));
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^a-z0-9]+");
    private static final List<String> WEAKNESSES = List.of("Denial of Service", "Privilege Escalation",
            "Remote Code Execution", "Cross-Site Scripting", "Command Injection", "Information Disclosure",
            "Authentication Bypass", "Arbitrary File Write");
    private static final List<String> FEATURES = List.of("Web UI", "SNMP", "IKEv2", "SSH Server", "DHCP Relay",
            "NETCONF", "HTTP Server", "OSPF", "BGP EVPN", "VPN Web Services", "Smart Licensing", "CLI");
    private static final List<String> CWE = List.of("CWE-20", "CWE-79", "CWE-78", "CWE-119", "CWE-284", "CWE-287",
            "CWE-400", "CWE-22", "CWE-352");

    private final List<Advisory> advisories;

    PsirtCatalog(long seed, BugCatalog bugs) {
        LocalDateTime now = bugs.today().atStartOfDay();
        Random random = new Random(seed);
        Map<String, List<String>> bugsByComponent = new LinkedHashMap<>();
        bugs.all().forEach(b -> bugsByComponent.computeIfAbsent(b.family().component(), k -> new ArrayList<>()).add(b.bugId()));
        List<Advisory> list = new ArrayList<>();
        for (int i = 0; i < ADVISORIES; i++) {
            int year = 2015 + i % 12;
            Os os = OS_TYPES.get(random.nextInt(OS_TYPES.size()));
            String weakness = WEAKNESSES.get(random.nextInt(WEAKNESSES.size()));
            String feature = FEATURES.get(random.nextInt(FEATURES.size()));
            String sir = List.of("Critical", "High", "High", "Medium", "Medium", "Medium", "Low", "Informational")
                    .get(random.nextInt(8));
            int scoreTenths = switch (sir) {
                case "Critical" -> 90 + random.nextInt(11);
                case "High" -> 70 + random.nextInt(20);
                case "Medium" -> 40 + random.nextInt(30);
                default -> 1 + random.nextInt(39);
            };
            String slug = NOT_LETTER_OR_DIGIT.matcher((feature + "-" + weakness).toLowerCase(Locale.ROOT)).replaceAll("")
                    .substring(0, 8) + Integer.toString(36 * 36 + random.nextInt(36 * 36 * 35), 36);
            String id = "cisco-sa-" + slug;
            List<String> componentBugs = bugsByComponent.getOrDefault(os.component(), List.of());
            List<String> bugIds = componentBugs.isEmpty() ? List.of("NA")
                    : List.of(componentBugs.get(random.nextInt(componentBugs.size())));
            int fixedIndex = 1 + random.nextInt(os.releases().size() - 1);
            int introducedIndex = random.nextInt(fixedIndex);
            LocalDateTime published = LocalDateTime.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28), 16, 0);
            if (published.isAfter(now)) {
                published = now.minusDays(1 + random.nextInt(300)).withHour(16); // nothing is published in the future
            }
            LocalDateTime updated = published.plusDays(random.nextInt(3) == 0 ? random.nextInt(200) : 0);
            if (updated.isAfter(now)) {
                updated = published;
            }
            String title = os.product() + " " + feature + " " + weakness + " Vulnerability";
            String summary = "A vulnerability in the " + feature + " feature of " + os.product()
                    + " could allow an attacker to cause " + weakness.toLowerCase(Locale.ROOT) + ".\r\n\r\nCisco has released"
                    + " software updates that address this vulnerability. There are no workarounds that address this"
                    + " vulnerability.";
            list.add(new Advisory(id, title, sir, Digits.tenths(Math.min(100, scoreTenths)),
                    List.of("CVE-" + year + "-" + (20000 + i)), bugIds, List.of(CWE.get(random.nextInt(CWE.size()))),
                    published, updated, random.nextInt(4) == 0 ? "1.1" : "1.0", List.of(os.product() + " "), summary,
                    os.type(), os.releases().get(introducedIndex), os.releases().get(fixedIndex), os.platform()));
        }
        // Cisco's recorded advisory (examples/psirt/cve.200.json), so that its ID and CVE, which the resource
        // catalog and the documentation use, answer here as they do at Cisco.
        list.add(new Advisory("cisco-sa-20180221-ucdm", "Cisco Unified Communications Domain Manager Remote Code Execution"
                + " Vulnerability", "Critical", "9.8", List.of("CVE-2018-0124"), List.of("CSCuv67964", "CSCvi10692"),
                List.of("CWE-320"), LocalDateTime.of(2018, 2, 21, 16, 0), LocalDateTime.of(2018, 3, 9, 14, 47), "1.1",
                List.of("Cisco Unified Communications Domain Manager "), "A vulnerability in Cisco Unified Communications"
                        + " Domain Manager could allow an unauthenticated, remote attacker to bypass security protections,"
                        + " gain elevated privileges, and execute arbitrary code.", null, null, null, null));
        list.sort(Comparator.comparing(Advisory::firstPublished).reversed().thenComparing(Advisory::id));
        this.advisories = List.copyOf(list);
    }

    /** Newest first, as Cisco lists them. */
    List<Advisory> all() {
        return advisories;
    }

    static Os os(String type) {
        return OS_TYPES.stream().filter(o -> o.type().equalsIgnoreCase(type)).findFirst().orElse(null);
    }
}
