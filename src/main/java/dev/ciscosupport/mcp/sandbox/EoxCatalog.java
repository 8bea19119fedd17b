package dev.ciscosupport.mcp.sandbox;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * The sandbox's products with end-of-life milestones and the serial numbers of units in the field,
 * coherent with the bug data: every product ID of a {@link ProductFamily} is here, plus generated
 * hardware (about 1,500 product IDs in all, milestones from 2010 to 2030, some never announced) and one
 * software image per family release for EoX software searches. Made from a fixed seed.
 */
final class EoxCatalog {
    static final int GENERATED_PRODUCTS = 1_500;
    static final int SERIALS_PER_PRODUCT = 3;
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^A-Za-z0-9]");
    private static final List<String> PREFIXES = List.of("WS-C2960X-", "WS-C3560CX-", "C1111-", "ISR4221-", "ASR-920-",
            "N3K-C3172", "AIR-AP3802I-", "C9120AXI-", "CISCO2911-", "SG350-", "C3850-NM-", "NCS-55A1-", "UCSC-C220-M5",
            "C8200-1N-", "IE-3400-", "CBS350-");
    private static final List<String> SUFFIXES = List.of("24T-L", "48P-S", "8P", "24TS", "K9", "E-K9", "B-K9", "SE", "-RF", "4X");
    private static final Map<String, String> OS_TYPES = Map.of("cat9k", "IOS-XE", "cat9k-access", "IOS-XE", "ewlc", "IOS-XE",
            "isr4k", "IOS-XE", "asr1k", "IOS-XE", "nxos", "NX-OS", "asr9k-xr", "IOS XR", "asa", "ASA", "ftd", "FTD",
            "cat3k", "IOS-XE");

    private final Map<String, EoxProduct> byId = new LinkedHashMap<>();
    private final Map<String, String> serialToProduct = new LinkedHashMap<>();

    EoxCatalog(long seed) {
        Random random = new Random(seed);
        for (ProductFamily family : ProductFamily.ALL) {
            for (String pid : family.productIds()) {
                add(product(random, pid, family.productName() + " (" + pid + ")", null, null, 0.4));
            }
            String os = OS_TYPES.get(family.component());
            if (os != null) {
                for (String release : family.releases()) {
                    String pid = "S" + NOT_LETTER_OR_DIGIT.matcher(family.component().toUpperCase(Locale.ROOT)).replaceAll("")
                            + "-" + NOT_LETTER_OR_DIGIT.matcher(release).replaceAll("");
                    add(product(random, pid, family.platform() + " software release " + release, os, release, 0.5));
                }
            }
        }
        while (byId.size() < GENERATED_PRODUCTS) {
            String pid = PREFIXES.get(random.nextInt(PREFIXES.size())) + (100 + random.nextInt(900))
                    + SUFFIXES.get(random.nextInt(SUFFIXES.size()));
            if (!byId.containsKey(pid.toUpperCase(Locale.ROOT))) {
                add(product(random, pid, "Generated hardware " + pid, null, null, 0.85));
            }
        }
        // Cisco's recorded answers (examples/eox/EOXByProductID.200.json, examples/sn2info/*): their product IDs and
        // serial answer here as they do at Cisco, so the examples in the documentation work on the sandbox.
        add(new EoxProduct("WS-C3850-48XS-E", "Cisco Catalyst 3850 48 Port 10G Fiber Switch IP Base", "EOL13873",
                LocalDate.of(2021, 4, 30), LocalDate.of(2022, 4, 29), LocalDate.of(2023, 4, 29), LocalDate.of(2025, 4, 28),
                LocalDate.of(2023, 4, 29), LocalDate.of(2026, 1, 24), LocalDate.of(2027, 4, 30), LocalDate.of(2023, 4, 29),
                LocalDate.of(2021, 4, 30), "C9500-48Y4C", null, null));
        add(new EoxProduct("C9410R", "Cisco Catalyst 9400 Series 10 slot chassis", "", null, null, null, null, null, null,
                null, null, LocalDate.of(2022, 1, 1), "", null, null));
        for (EoxProduct product : byId.values()) {
            if (product.osType() != null || product.productId().equals("C9410R")) {
                continue;
            }
            for (int i = 0; i < SERIALS_PER_PRODUCT; i++) {
                String serial = serial(random);
                while (serialToProduct.containsKey(serial)) {
                    serial = serial(random);
                }
                serialToProduct.put(serial, product.productId());
            }
        }
        serialToProduct.put("FXS2130Q286", "C9410R"); // last, so the generated serials keep their order
    }

    private void add(EoxProduct product) {
        byId.put(product.productId().toUpperCase(Locale.ROOT), product);
    }

    List<EoxProduct> all() {
        return List.copyOf(byId.values());
    }

    Optional<EoxProduct> byId(String productId) {
        return Optional.ofNullable(byId.get(productId.toUpperCase(Locale.ROOT)));
    }

    /** Products matching a PID that may hold {@code *} wildcards. */
    List<EoxProduct> matching(String pattern) {
        if (!pattern.contains("*")) {
            return byId(pattern).map(List::of).orElse(List.of());
        }
        Pattern regex = Pattern.compile(Pattern.quote(pattern.toUpperCase(Locale.ROOT)).replace("*", "\\E.*\\Q"));
        return byId.values().stream().filter(p -> regex.matcher(p.productId().toUpperCase(Locale.ROOT)).matches()).toList();
    }

    Optional<EoxProduct> bySerial(String serial) {
        String pid = serialToProduct.get(serial.toUpperCase(Locale.ROOT));
        return pid == null ? Optional.empty() : byId(pid);
    }

    /** Every serial with its product ID, in a fixed order. */
    Map<String, String> serials() {
        return java.util.Collections.unmodifiableMap(serialToProduct);
    }

    /** Software products for a release ("17.9" matches 17.9.x) and OS type. */
    List<EoxProduct> software(String release, String osType) {
        return byId.values().stream().filter(p -> p.osType() != null && p.osType().equalsIgnoreCase(osType)
                && (p.release().equalsIgnoreCase(release) || p.release().startsWith(release + ".")
                        || p.release().startsWith(release + "("))).toList();
    }

    private static EoxProduct product(Random random, String pid, String description, String os, String release,
            double announcedShare) {
        LocalDate updated = LocalDate.of(2015, 1, 1).plusDays(random.nextInt(4000));
        if (random.nextDouble() >= announcedShare) {
            return new EoxProduct(pid, description, "", null, null, null, null, null, null, null, null, updated, "", os,
                    release);
        }
        LocalDate announced = LocalDate.of(2010, 1, 1).plusDays(random.nextInt(5800)); // 2010 to about 2025
        LocalDate endOfSale = announced.plusMonths(6);
        LocalDate swMaintenance = endOfSale.plusYears(1);
        LocalDate vulnerability = endOfSale.plusYears(3);
        LocalDate failureAnalysis = endOfSale.plusYears(1);
        LocalDate contractRenewal = endOfSale.plusYears(4);
        LocalDate lastSupport = endOfSale.plusYears(5); // up to 2030
        LocalDate serviceAttach = endOfSale.plusYears(1);
        String bulletin = "EOL" + (10000 + random.nextInt(90000));
        return new EoxProduct(pid, description, bulletin, announced, endOfSale, swMaintenance, vulnerability,
                failureAnalysis, contractRenewal, lastSupport, serviceAttach, updated.isBefore(announced) ? announced : updated,
                random.nextBoolean() || pid.startsWith("C9300") ? "" : "C9300-24T", os, release);
    }

    private static String serial(Random random) {
        String letters = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        StringBuilder s = new StringBuilder(List.of("FOC", "FDO", "JAE", "FHK", "SAL").get(random.nextInt(5)));
        s.append(10 + random.nextInt(17)).append(Digits.padded(1 + random.nextInt(52), 2));
        for (int i = 0; i < 4; i++) {
            s.append(random.nextBoolean() ? letters.charAt(random.nextInt(letters.length())) : (char) ('0' + random.nextInt(10)));
        }
        return s.toString();
    }
}
