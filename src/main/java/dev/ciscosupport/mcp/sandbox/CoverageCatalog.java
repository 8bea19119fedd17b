package dev.ciscosupport.mcp.sandbox;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Service coverage of every serial of the {@link EoxCatalog}: contract, service level, warranty, site,
 * whether the caller's CCO ID owns it, and an instance number. Made from a fixed seed.
 */
final class CoverageCatalog {
    record Coverage(String serial, String productId, String description, String instanceNumber, boolean covered,
            LocalDate coverageEnd, boolean owned, String contract, String serviceLine, LocalDate warrantyEnd,
            String warrantyType, String customer, String address, String city, String state, String country) {
    }

    static final List<String> CONTRACTS = List.of("203371074", "203371075", "203371076", "203371077", "203371078",
            "203371079", "203371080", "203371081");
    private static final List<String[]> SITES = List.of(
            new String[] {"EXAMPLE CORP", "100 MAIN STREET", "SAN JOSE", "CA", "US"},
            new String[] {"ACME NETWORKS GMBH", "HAUPTSTRASSE 5", "BERLIN", "BE", "DE"},
            new String[] {"GLOBEX TRADING LTD", "1 HARBOUR ROAD", "LONDON", "", "GB"},
            new String[] {"INITECH SA", "12 RUE DE LA PAIX", "PARIS", "", "FR"});
    private static final List<String> SERVICE_LINES = List.of("SNT 8X5XNBD", "CX LEVEL 2 8X5XNBD", "SNTP 24X7X4",
            "SMARTNET ONSITE 24X7X4");
    private static final List<String> WARRANTIES = List.of("WARR-ELTD-LIFE-HW", "WARR-1YR-RTF", "WARR-90D-SW");

    private final Map<String, Coverage> bySerial = new LinkedHashMap<>();
    private final Map<String, Coverage> byInstance = new LinkedHashMap<>();

    CoverageCatalog(long seed, EoxCatalog products, LocalDate today) {
        Random random = new Random(seed);
        int instance = 917_280_000;
        for (Map.Entry<String, String> e : products.serials().entrySet()) {
            EoxProduct product = products.byId(e.getValue()).orElseThrow();
            String[] site = SITES.get(random.nextInt(SITES.size()));
            boolean covered = random.nextInt(10) < 7;
            Coverage c = new Coverage(e.getKey(), product.productId(), product.description(), String.valueOf(instance++),
                    covered, covered ? today.plusDays(30 + random.nextInt(1000)) : today.minusDays(1 + random.nextInt(700)),
                    random.nextInt(10) < 6, CONTRACTS.get(random.nextInt(CONTRACTS.size())),
                    SERVICE_LINES.get(random.nextInt(SERVICE_LINES.size())), today.plusDays(random.nextInt(2000) - 1000),
                    WARRANTIES.get(random.nextInt(WARRANTIES.size())), site[0], site[1], site[2], site[3], site[4]);
            bySerial.put(c.serial(), c);
            byInstance.put(c.instanceNumber(), c);
        }
    }

    Optional<Coverage> bySerial(String serial) {
        return Optional.ofNullable(bySerial.get(serial.toUpperCase(Locale.ROOT)));
    }

    Optional<Coverage> byInstance(String instance) {
        return Optional.ofNullable(byInstance.get(instance));
    }
}
