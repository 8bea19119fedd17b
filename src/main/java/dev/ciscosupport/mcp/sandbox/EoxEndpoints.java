package dev.ciscosupport.mcp.sandbox;

import dev.ciscosupport.mcp.json.Json;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Cisco's EoX API v5 as the sandbox serves it (SPEC.md §5): pages in the path, up to 1000 records a
 * page with a PascalCase {@code PaginationResponseRecord}, date objects, a trailing space after echoed
 * product IDs, one record for several serials of one product, and every error as HTTP 200 with an
 * {@code EOXError}, at the top level for bad input or inside a record for "does not exist".
 */
final class EoxEndpoints {
    static final int PAGE_SIZE = 1000;
    private static final int MAX_INPUTS = 20;
    static final Set<String> OS_TYPES = Set.of("ACNS", "ACSW", "ALTIGAOS", "ASA", "ASYNCOS", "CATOS", "CDS-IS", "CDS-TV",
            "CDS-VN", "CDS-VQE", "CTS", "ECDS", "FWSM-OS", "GSS", "IOS", "IOS XR", "IOS-XE", "IPS", "NAM", "NX-OS", "ONS",
            "PIXOS", "SAN-OS", "STAR OS", "TC", "TE", "UCS NX-OS", "VCS", "VDS-IS", "WAAS", "WANSW BPX/IGX/IPX", "WEBNS",
            "WLC", "WLSE-OS", "XC", "FTD");
    private static final Set<String> ATTRIBUTES = Set.of("EO_EXT_ANNOUNCE_DATE", "EO_SALES_DATE", "EO_FAIL_ANALYSIS_DATE",
            "EO_SVC_ATTACH_DATE", "EO_SW_MAINTENANCE_DATE", "EO_SECURITY_VUL_SUPPORT_DATE", "EO_CONTRACT_RENEW_DATE",
            "EO_LAST_SUPPORT_DATE", "UPDATE_TIMESTAMP", "UPDATED_TIMESTAMP");

    private final EoxCatalog catalog;

    EoxEndpoints(EoxCatalog catalog) {
        this.catalog = catalog;
    }

    /** One record to return: a product, or an error record for an input nothing was found for. */
    /** @param bulletin for an error about a product bulletin (SSA_ERR_022): the bulletin; otherwise null */
    private record Item(EoxProduct product, String inputValue, String errorId, String errorDescription, String bulletin) {
        Item(EoxProduct product, String inputValue, String errorId, String errorDescription) {
            this(product, inputValue, errorId, errorDescription, null);
        }
    }

    /** @param path the decoded path segments after {@code /supporttools/eox/rest/5} */
    Answer handle(List<String> path, Map<String, String> query) {
        if (path.size() < 2) {
            return GatewayFaults.serviceNotFound();
        }
        String pageText = path.get(1);
        if (pageText.length() > 5) {
            return error("SSA_ERR_028", "The pageIndex value can not be more than 5 characters.");
        }
        int page;
        try {
            page = Integer.parseInt(pageText);
        } catch (NumberFormatException e) {
            page = 0;
        }
        if (page < 1) {
            return error("SSA_ERR_010", "The pageIndex value specified is invalid. Please correct the pageIndex value and try again.");
        }
        switch (path.get(0)) {
            case "EOXByDates":
                return path.size() == 4 ? byDates(page, path.get(2), path.get(3), query.get("eoxAttrib")) : missing("startDate");
            case "EOXByProductID":
                return path.size() == 3 ? byProductIds(page, path.get(2)) : missing("productIDs");
            case "EOXBySerialNumber":
                return path.size() == 3 ? bySerials(page, path.get(2)) : missing("serialNumbers");
            case "EOXBySWReleaseString":
                return path.size() == 2 ? bySoftware(page, query) : GatewayFaults.serviceNotFound();
            default:
                return GatewayFaults.serviceNotFound();
        }
    }

    private Answer byDates(int page, String startText, String endText, String attributeText) {
        LocalDate start;
        LocalDate end;
        try {
            start = LocalDate.parse(startText);
        } catch (DateTimeParseException e) {
            return error("SSA_ERR_001", "The startDate value specified is invalid. Please correct the startDate value and try again.");
        }
        try {
            end = LocalDate.parse(endText);
        } catch (DateTimeParseException e) {
            return error("SSA_ERR_010", "The endDate value specified is invalid. Please correct the endDate value and try again.");
        }
        List<String> attributes = attributeText == null || attributeText.isBlank() ? List.of("UPDATE_TIMESTAMP")
                : Arrays.stream(attributeText.split(",")).map(String::strip).toList();
        if (!ATTRIBUTES.containsAll(attributes)) {
            return error("SSA_ERR_010", "The eoxAttrib value specified is invalid. Please correct the eoxAttrib value and try again.");
        }
        String input = startText + " , " + endText + " , " + String.join(",", attributes);
        List<Item> items = catalog.all().stream().filter(EoxProduct::hasEox)
                .filter(p -> attributes.stream().map(p::milestone)
                        .anyMatch(d -> d != null && !d.isBefore(start) && !d.isAfter(end)))
                .sorted(Comparator.comparing(EoxProduct::productId))
                .map(p -> new Item(p, input, null, null)).toList();
        return page(page, items, "showEoXByDates");
    }

    private Answer byProductIds(int page, String list) {
        List<String> pids = split(list);
        if (pids.size() > MAX_INPUTS) {
            return error("SSA_ERR_009", "The number of product IDs exceeds the maximum of 20.");
        }
        List<Item> found = new ArrayList<>();
        List<Item> missing = new ArrayList<>();
        for (String pid : pids) {
            if (!pid.matches("[A-Za-z0-9*][A-Za-z0-9_.=+/*-]*")) {
                return error("SSA_ERR_010", "The productIDs value specified is invalid. Please correct the productIDs value and try again.");
            }
            if (pid.contains("*") && pid.replace("*", "").length() < 3) {
                return error("SSA_ERR_032", "A wildcard search needs at least 3 characters besides the wildcard.");
            }
            List<EoxProduct> matches = catalog.matching(pid).stream().filter(EoxProduct::hasEox).toList();
            if (matches.isEmpty()) {
                missing.add(new Item(null, pid, "SSA_ERR_026",
                        "EOX information does not exist for the following product ID(s): " + pid));
            }
            matches.forEach(p -> found.add(new Item(p, pid + " ", null, null)));
        }
        found.sort(Comparator.comparing(i -> i.product().productId())); // Cisco's order, not the input order
        found.addAll(missing);
        return page(page, found, "ShowEOXByPids");
    }

    private Answer bySerials(int page, String list) {
        List<String> serials = split(list);
        if (serials.size() > MAX_INPUTS) {
            return error("SSA_ERR_007", "The number of serial numbers exceeds the maximum of 20.");
        }
        Map<String, List<String>> byProduct = new LinkedHashMap<>();
        List<Item> missing = new ArrayList<>();
        for (String serial : serials) {
            if (!serial.matches("[A-Za-z0-9]{1,40}")) {
                return error("SSA_ERR_010", "The serialNumbers value specified is invalid. Please correct the serialNumbers value and try again.");
            }
            var product = catalog.bySerial(serial).filter(EoxProduct::hasEox);
            if (product.isPresent()) {
                byProduct.computeIfAbsent(product.get().productId(), k -> new ArrayList<>()).add(serial);
            } else {
                missing.add(new Item(null, serial, "SSA_ERR_023",
                        "EOX information does not exist for the following serial number(s): " + serial));
            }
        }
        List<Item> items = new ArrayList<>();
        // Several serials of one product come back as one record naming them all.
        byProduct.forEach((pid, sns) -> items.add(new Item(catalog.byId(pid).orElseThrow(), String.join(",", sns), null, null)));
        items.addAll(missing);
        return page(page, items, "ShowEOXBySerialNumber");
    }

    private Answer bySoftware(int page, Map<String, String> query) {
        List<String> inputs = new ArrayList<>();
        for (int n = 1; query.containsKey("input" + n); n++) {
            inputs.add(query.get("input" + n));
        }
        if (inputs.isEmpty()) {
            return error("SSA_ERR_016", "A required value is empty: input1.");
        }
        if (inputs.size() > MAX_INPUTS) {
            return error("SSA_ERR_003", "The number of software release strings exceeds the maximum of 20.");
        }
        List<Item> items = new ArrayList<>();
        for (int n = 0; n < inputs.size(); n++) {
            String[] parts = inputs.get(n).split(",", 2);
            if (parts.length != 2 || !OS_TYPES.contains(parts[1].strip().toUpperCase(Locale.ROOT))) {
                return error("SSA_ERR_010", "The OSType value specified is invalid. Please correct the OSType value and try again.");
            }
            String echo = "input" + (n + 1) + "=" + inputs.get(n);
            List<EoxProduct> matches = catalog.software(parts[0].strip(), parts[1].strip()).stream()
                    .filter(EoxProduct::hasEox).toList();
            if (matches.isEmpty()) {
                items.add(new Item(null, echo, "SSA_ERR_024",
                        "EOX information does not exist for the following software release string(s): " + inputs.get(n)));
            }
            matches.forEach(p -> items.add(new Item(p, echo, null, null)));
            if (!matches.isEmpty()) {
                // As recorded for 12.2,IOS: beside the records, a record-level error about a product bulletin of the
                // release that has no EoX data of its own (SSA_ERR_022, ErrorDataType PRODUCT_BULLETIN).
                String bulletin = "PB" + (3000 + Math.abs(inputs.get(n).hashCode() % 1000));
                items.add(new Item(null, echo, "SSA_ERR_022", "EOX information does not exist for the following product"
                        + " bulletin(s): " + bulletinUrl(bulletin), bulletin));
            }
        }
        return page(page, items, "ShowEOXBySoftware");
    }

    private static Answer page(int page, List<Item> items, String inputType) {
        int total = items.size();
        int last = (total + PAGE_SIZE - 1) / PAGE_SIZE;
        int from = Math.min(total, (page - 1) * PAGE_SIZE);
        List<Item> onPage = items.subList(from, Math.min(total, from + PAGE_SIZE));
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.putObject("PaginationResponseRecord").put("PageIndex", page).put("LastIndex", last)
                .put("TotalRecords", total).put("PageRecords", onPage.size());
        ArrayNode records = root.putArray("EOXRecord");
        for (Item item : onPage) {
            record(records.addObject(), item, inputType);
        }
        return Answer.json(200, root);
    }

    private static String bulletinUrl(String bulletin) {
        return "https://www.cisco.com/c/en/us/products/collateral/" + bulletin.toLowerCase(Locale.ROOT) + ".html";
    }

    private static void record(ObjectNode r, Item item, String inputType) {
        EoxProduct p = item.product();
        boolean error = p == null;
        r.put("EOLProductID", error ? "" : p.productId());
        r.put("ProductIDDescription", error ? "" : p.description());
        r.put("ProductBulletinNumber", error ? (item.bulletin() == null ? "" : item.bulletin()) : p.bulletin());
        r.put("LinkToProductBulletinURL", error ? "" : bulletinUrl(p.bulletin()));
        date(r, "EOXExternalAnnouncementDate", error ? null : p.announced(), error);
        date(r, "EndOfSaleDate", error ? null : p.endOfSale(), error);
        date(r, "EndOfSWMaintenanceReleases", error ? null : p.endOfSwMaintenance(), error);
        if (!error) {
            date(r, "EndOfSecurityVulSupportDate", p.endOfSecurityVulSupport(), false);
        }
        date(r, "EndOfRoutineFailureAnalysisDate", error ? null : p.endOfRoutineFailureAnalysis(), error);
        date(r, "EndOfServiceContractRenewal", error ? null : p.endOfContractRenewal(), error);
        date(r, "LastDateOfSupport", error ? null : p.lastDateOfSupport(), error);
        date(r, "EndOfSvcAttachDate", error ? null : p.endOfServiceAttach(), error);
        date(r, "UpdatedTimeStamp", error ? null : p.updated(), error);
        if (error) {
            ObjectNode e = r.putObject("EOXError").put("ErrorID", item.errorId()).put("ErrorDescription", item.errorDescription());
            if (item.bulletin() != null) {
                e.put("ErrorDataType", "PRODUCT_BULLETIN").put("ErrorDataValue", bulletinUrl(item.bulletin()));
            }
        }
        boolean replaced = !error && !p.migrationProductId().isEmpty();
        r.putObject("EOXMigrationDetails")
                .put("PIDActiveFlag", error ? "" : "Y")
                .put("MigrationInformation", replaced ? "Migrate to " + p.migrationProductId() : "")
                .put("MigrationOption", error ? "" : replaced ? "Enter PID(s)" : "No Replacement Available")
                .put("MigrationProductId", replaced ? p.migrationProductId() : "")
                .put("MigrationProductName", error ? "" : replaced ? p.migrationProductId() : "No Replacement Product")
                .put("MigrationStrategy", "")
                .put("MigrationProductInfoURL", "");
        r.put("EOXInputType", inputType);
        r.put("EOXInputValue", item.inputValue());
    }

    /** Cisco's date object; an empty date is "" (with the format), or in error records "" with a null format. */
    private static void date(ObjectNode r, String name, LocalDate date, boolean errorRecord) {
        ObjectNode d = r.putObject(name).put("value", date == null ? "" : date.toString());
        if (errorRecord) {
            d.putNull("dateFormat");
        } else {
            d.put("dateFormat", "YYYY-MM-DD");
        }
    }

    private static Answer error(String id, String description) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.putObject("EOXError").put("ErrorID", id).put("ErrorDescription", description);
        return Answer.json(200, root);
    }

    private static Answer missing(String what) {
        return error("SSA_ERR_016", "A required value is empty: " + what + ".");
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
