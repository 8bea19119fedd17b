package dev.ciscosupport.mcp.sandbox;

import java.util.List;

/**
 * A product family of the sandbox's seeded bug data: the names Cisco's Bug API searches by.
 *
 * @param component   Cisco's internal component name, sent as a bug's {@code product}
 * @param series      the product series name (product_series searches)
 * @param productName the product name (product_name searches)
 * @param productIds  base product IDs (product_id searches)
 * @param platform    how headlines name the platform
 * @param releases    software releases, oldest first
 */
record ProductFamily(String component, String series, String productName, List<String> productIds, String platform,
        List<String> releases) {

    static final List<ProductFamily> ALL = List.of(
            new ProductFamily("cat9k", "Cisco Catalyst 9300 Series Switches", "Cisco Catalyst 9300 Series Switches",
                    List.of("C9300-24T", "C9300-48P", "C9300-48U"), "Catalyst 9300",
                    List.of("16.12.4", "16.12.8", "17.3.4", "17.3.6", "17.6.4", "17.6.5", "17.9.3", "17.9.4", "17.9.4a",
                            "17.12.1", "17.12.2")),
            new ProductFamily("cat9k-access", "Cisco Catalyst 9200 Series Switches", "Cisco Catalyst 9200 Series Switches",
                    List.of("C9200-24T", "C9200L-48P-4X"), "Catalyst 9200",
                    List.of("16.12.4", "17.3.4", "17.6.4", "17.6.5", "17.9.3", "17.9.4", "17.12.2")),
            new ProductFamily("ewlc", "Cisco Catalyst 9800 Series Wireless Controllers",
                    "Cisco Catalyst 9800-40 Wireless Controller", List.of("C9800-40-K9", "C9800-CL-K9"), "Catalyst 9800 WLC",
                    List.of("17.3.1", "17.3.4", "17.6.3", "17.6.5", "17.9.2", "17.9.4", "17.12.1")),
            new ProductFamily("isr4k", "Cisco 4000 Series Integrated Services Routers",
                    "Cisco 4431 Integrated Services Router", List.of("ISR4331/K9", "ISR4431/K9", "ISR4451-X/K9"), "ISR 4000",
                    List.of("16.9.5", "16.12.5", "17.3.5", "17.6.4", "17.9.3", "17.9.4a")),
            new ProductFamily("asr1k", "Cisco ASR 1000 Series Aggregation Services Routers",
                    "Cisco ASR 1001-X Router", List.of("ASR1001-X", "ASR1002-HX"), "ASR 1000",
                    List.of("16.12.5", "17.3.4", "17.6.3", "17.9.2", "17.12.1")),
            new ProductFamily("nxos", "Cisco Nexus 9000 Series Switches", "Cisco Nexus 93180YC-EX Switch",
                    List.of("N9K-C93180YC-EX", "N9K-C9336C-FX2"), "Nexus 9000",
                    List.of("9.3(8)", "9.3(10)", "9.3(12)", "10.2(5)", "10.3(3)", "10.4(2)")),
            new ProductFamily("asr9k-xr", "Cisco ASR 9000 Series Aggregation Services Routers", "Cisco ASR 9901 Router",
                    List.of("ASR-9901", "ASR-9906"), "ASR 9000",
                    List.of("7.3.2", "7.5.2", "7.7.2", "7.9.2", "7.11.1")),
            new ProductFamily("asa", "Cisco ASA 5500-X Series Firewalls", "Cisco ASA 5516-X with FirePOWER Services",
                    List.of("ASA5516-X", "ASA5525-X"), "ASA",
                    List.of("9.12(4)", "9.14(4)", "9.16(4)", "9.18(3)", "9.20(2)")),
            new ProductFamily("ftd", "Cisco Firepower 2100 Series", "Cisco Firepower 2110 NGFW",
                    List.of("FPR2110-NGFW-K9", "FPR2130-NGFW-K9"), "Firepower 2100",
                    List.of("6.6.7", "7.0.5", "7.2.5", "7.4.1")),
            new ProductFamily("cucm", "Cisco Unified Communications Manager (CallManager)",
                    "Cisco Unified Communications Manager (CallManager)", List.of("CUCM-VM"), "Unified CM",
                    List.of("12.5(1)SU5", "12.5(1)SU7", "14.0(1)SU2", "14.0(1)SU3", "15.0(1)")),
            new ProductFamily("ise", "Cisco Identity Services Engine", "Cisco Identity Services Engine",
                    List.of("SNS-3655-K9", "SNS-3755-K9"), "ISE",
                    List.of("3.0.0", "3.1.0", "3.2.0", "3.3.0")),
            new ProductFamily("cat3k", "Cisco Catalyst 3850 Series Switches", "Cisco Catalyst 3850-48P Switch",
                    List.of("WS-C3850-24T", "WS-C3850-48P"), "Catalyst 3850",
                    List.of("16.3.11", "16.9.4", "16.9.8", "16.12.4")));
}
