package dev.ciscosupport.mcp.cisco.eox;

import dev.ciscosupport.mcp.cisco.Batches;
import dev.ciscosupport.mcp.cisco.CiscoGateway;
import dev.ciscosupport.mcp.cisco.CiscoPath;
import dev.ciscosupport.mcp.cisco.ErrorTexts;
import dev.ciscosupport.mcp.cisco.IdFormat;
import dev.ciscosupport.mcp.cisco.Page;
import dev.ciscosupport.mcp.cisco.call.CallContext;
import dev.ciscosupport.mcp.cisco.call.CiscoException;
import dev.ciscosupport.mcp.cisco.resilience.RecordCache;
import dev.ciscosupport.mcp.config.SupportApi;
import dev.ciscosupport.mcp.json.Json;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Cisco's EoX API v5 ({@code /supporttools/eox/rest/5}): end-of-life milestones by product ID, serial
 * number, software release or date range. Cisco takes 20 inputs per call; more are split into several
 * calls and merged. Every EoX error comes back as HTTP 200 with an {@code EOXError}: "does not exist"
 * ones are answers, the others refusals.
 */
public final class EoxApi {
    public static final int INPUTS_PER_CALL = 20;
    /** Our cap per tool call: at most 5 Cisco calls. */
    public static final int MAX_INPUTS = 100;
    static final String BASE = "/supporttools/eox/rest/5";
    /** Cisco's codes for "nothing found", which are answers, not failures. */
    private static final Set<String> NOT_FOUND = Set.of("SSA_ERR_015", "SSA_ERR_022", "SSA_ERR_023", "SSA_ERR_024",
            "SSA_ERR_026", "SSA_ERR_030");
    public static final List<String> OS_TYPES = List.of("ACNS", "ACSW", "ALTIGAOS", "ASA", "ASYNCOS", "CATOS", "CDS-IS",
            "CDS-TV", "CDS-VN", "CDS-VQE", "CTS", "ECDS", "FTD", "FWSM-OS", "GSS", "IOS", "IOS XR", "IOS-XE", "IPS", "NAM",
            "NX-OS", "ONS", "PIXOS", "SAN-OS", "STAR OS", "TC", "TE", "UCS NX-OS", "VCS", "VDS-IS", "WAAS",
            "WANSW BPX/IGX/IPX", "WEBNS", "WLC", "WLSE-OS", "XC");
    public static final List<String> DATE_ATTRIBUTES = java.util.Arrays.stream(EoxDateAttribute.values()).map(Enum::name)
            .toList();

    private final CiscoGateway gateway;
    private final CallContext call;

    /** The API for the server's own calls (entitlement probes, completions); {@link #in} gives it for a tool call. */
    public EoxApi(CiscoGateway gateway) {
        this(gateway, CallContext.background());
    }

    private EoxApi(CiscoGateway gateway, CallContext call) {
        this.gateway = gateway;
        this.call = call;
    }

    /** This API for one tool call: its requests carry the call's caller, listener and cancellation. */
    public EoxApi in(CallContext call) {
        return new EoxApi(gateway, call);
    }

    /** One cheap call, to learn whether the Cisco app is entitled to this API. */
    public void probe() {
        gateway.getFresh(SupportApi.EOX, CiscoPath.of(BASE).then("EOXByProductID").value("1").value("WS-C3850-48XS-E").build(), json());
    }

    /** Refuses bad product IDs as {@code product_ids}. */
    public EoxPage byProductIds(List<String> productIds, int page) {
        List<String> pids = IdFormat.EOX_PRODUCT_ID.checkAll("product_ids", productIds, MAX_INPUTS);
        return byInputs(pids, "pid", page, chunk -> gateway.get(call, SupportApi.EOX, CiscoPath.of(BASE)
                .then("EOXByProductID").value(String.valueOf(page)).values(chunk).build(), json()));
    }

    /** Refuses bad serial numbers as {@code serial_numbers}. */
    public EoxPage bySerialNumbers(List<String> serials, int page) {
        List<String> checked = IdFormat.SERIAL_NUMBER.checkAll("serial_numbers", serials, MAX_INPUTS);
        return byInputs(checked, "serial", page, chunk -> gateway.get(call, SupportApi.EOX, CiscoPath.of(BASE)
                .then("EOXBySerialNumber").value(String.valueOf(page)).values(chunk).build(), json()));
    }

    /**
     * @param inputs "release,OS type" pairs such as {@code 15.2(7)E,IOS}, by Cisco's name for each ({@code input1} to
     *               {@code input20}), which is also what a bad one is refused as
     */
    public EoxPage bySoftwareReleases(Map<String, String> inputs, int page) {
        List<String> checked = new ArrayList<>();
        inputs.forEach((name, input) -> checked.add(softwareInput(name, input)));
        if (checked.size() > MAX_INPUTS) {
            throw new CiscoException.InvalidInput("At most " + MAX_INPUTS + " software releases per call.");
        }
        return inChunks(checked, chunk -> {
            Map<String, String> query = new LinkedHashMap<>();
            for (int n = 0; n < chunk.size(); n++) {
                query.put("input" + (n + 1), chunk.get(n));
            }
            query.putAll(json());
            return gateway.get(call, SupportApi.EOX, CiscoPath.of(BASE).then("EOXBySWReleaseString").value(String.valueOf(page))
                    .build(), query);
        }, page);
    }

    public EoxPage byDates(LocalDate start, LocalDate end, String attribute, int page) {
        if (end.isBefore(start)) {
            throw CiscoException.InvalidInput.of("end_date", "start_date",
                    (endName, startName) -> endName + " (" + end + ") is before " + startName + " (" + start + ").");
        }
        if (attribute != null && !DATE_ATTRIBUTES.contains(attribute)) {
            throw CiscoException.InvalidInput.of("eox_attrib", name -> name + " must be one of " + String.join(", ", DATE_ATTRIBUTES) + ".");
        }
        Map<String, String> query = new LinkedHashMap<>();
        if (attribute != null && !attribute.startsWith("UPDATE")) {
            query.put("eoxAttrib", attribute);
        }
        query.putAll(json());
        JsonNode body = gateway.get(call, SupportApi.EOX, CiscoPath.of(BASE).then("EOXByDates").value(String.valueOf(page))
                .value(start.toString()).value(end.toString()).build(), query);
        return read(body, page);
    }

    private static Map<String, String> json() {
        return Map.of("responseencoding", "json");
    }

    static String softwareInput(String name, String input) {
        String[] parts = input == null ? new String[0] : input.split(",", 2);
        if (parts.length != 2) {
            throw CiscoException.InvalidInput.of(name, n -> n + " must be a release and an OS type separated by a comma,"
                    + " e.g. 15.2(7)E,IOS or 17.9,IOS-XE.");
        }
        String release = IdFormat.EOX_RELEASE.check(name, parts[0]);
        String os = parts[1].strip().toUpperCase(Locale.ROOT);
        if (!OS_TYPES.contains(os)) {
            throw CiscoException.InvalidInput.of(name, n -> n + ": \"" + parts[1].strip().replaceAll("[^\\x20-\\x7E]", "?")
                    + "\" is not an OS type Cisco knows; use one of " + String.join(", ", OS_TYPES) + ".");
        }
        return release + "," + os;
    }

    /** The records Cisco answered for one product ID or serial number (several for a product with many records). */
    private record RecordsOfInput(List<EoxRecord> records) {
    }

    /**
     * Product IDs or serial numbers, each answered with its own records: on the first page, an input whose records were
     * fetched lately, alone or among others, is not asked again (the record cache). A wildcard ({@code WS-C2950*}) is
     * always asked, and records are kept only from answers that fit on one page (all an input's records are there).
     */
    private EoxPage byInputs(List<String> inputs, String kind, int page, Function<List<String>, JsonNode> fetch) {
        if (page != 1 || inputs.stream().anyMatch(input -> input.contains("*"))) {
            return inChunks(inputs, fetch, page);
        }
        RecordCache.Found<RecordsOfInput> known = gateway.records().find(call, SupportApi.EOX, kind, inputs,
                RecordsOfInput.class);
        RecordCache.report(call, SupportApi.EOX, known);
        List<String> unknown = inputs.stream().filter(i -> !known.records().containsKey(i.toUpperCase(Locale.ROOT))).toList();
        EoxPage fetched = unknown.isEmpty() ? new EoxPage(List.of(), new Page(1, 1, 0, 0), 0) : inChunks(unknown, fetch, 1);
        if (fetched.page().last() <= 1) {
            Map<String, List<EoxRecord>> byInput = new LinkedHashMap<>();
            for (EoxRecord record : fetched.records()) {
                record.inputs().forEach(input -> byInput.computeIfAbsent(input.toUpperCase(Locale.ROOT),
                        i -> new ArrayList<>()).add(record));
            }
            for (String input : unknown) {
                List<EoxRecord> records = byInput.get(input.toUpperCase(Locale.ROOT));
                if (records != null) {
                    gateway.records().keep(call, SupportApi.EOX, kind, input, new RecordsOfInput(List.copyOf(records)));
                }
            }
        }
        if (!known.any()) {
            return fetched;
        }
        List<EoxRecord> records = new ArrayList<>();
        inputs.forEach(input -> {
            RecordsOfInput kept = known.records().get(input.toUpperCase(Locale.ROOT));
            if (kept != null) {
                records.addAll(kept.records());
            }
        });
        records.addAll(fetched.records());
        int total = records.size() + fetched.page().total() - fetched.records().size();
        return new EoxPage(records, new Page(1, Math.max(1, fetched.page().last()), records.size(), total),
                fetched.ciscoCalls());
    }

    private EoxPage inChunks(List<String> inputs, Function<List<String>, JsonNode> call, int page) {
        List<EoxRecord> records = new ArrayList<>();
        int last = 0;
        int total = 0;
        int calls = 0;
        for (List<String> batch : Batches.of(inputs, INPUTS_PER_CALL)) {
            EoxPage part = read(call.apply(batch), page);
            calls++;
            records.addAll(part.records());
            last = Math.max(last, part.page().last());
            total += part.page().total();
        }
        return new EoxPage(records, new Page(page, last, records.size(), total), calls);
    }

    static EoxPage read(JsonNode body, int page) {
        JsonNode topError = body.path("EOXError");
        if (topError.isObject() && !body.has("EOXRecord")) {
            String code = ErrorTexts.code(Json.text(topError, "ErrorID"));
            if (NOT_FOUND.contains(code)) {
                return new EoxPage(List.of(), new Page(page, 0, 0, 0), 1);
            }
            throw new CiscoException.Rejected("Cisco's EoX API rejected the request: " + code + " ("
                    + ErrorTexts.description(Json.text(topError, "ErrorDescription")) + ").", code);
        }
        JsonNode recordsNode = body.path("EOXRecord");
        List<JsonNode> raw = new ArrayList<>();
        if (recordsNode.isArray()) {
            recordsNode.forEach(raw::add);
        } else if (recordsNode.isObject()) {
            raw.add(recordsNode); // Cisco sends a lone record as an object
        }
        List<EoxRecord> records = raw.stream().map(EoxApi::record).toList();
        JsonNode paging = body.path("PaginationResponseRecord");
        Page p = new Page(Json.integer(paging, "PageIndex", page), Json.integer(paging, "LastIndex", records.isEmpty() ? 0 : 1),
                Json.integer(paging, "PageRecords", records.size()), Json.integer(paging, "TotalRecords", records.size()));
        return new EoxPage(records, p, 1);
    }

    private static EoxRecord record(JsonNode r) {
        Map<String, String> milestones = new LinkedHashMap<>();
        for (EoxMilestone milestone : EoxMilestone.values()) {
            String value = Json.text(r.path(milestone.ciscoField), "value").strip(); // "" and " " both mean no date
            if (!value.isEmpty()) {
                milestones.put(milestone.key, value);
            }
        }
        JsonNode migration = r.path("EOXMigrationDetails");
        JsonNode error = r.path("EOXError");
        List<String> inputs = Arrays.stream(Json.text(r, "EOXInputValue").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (Json.text(r, "EOXInputType").equals("showEoXByDates") || Json.text(r, "EOXInputType").equals("ShowEOXBySoftware")) {
            inputs = List.of(Json.text(r, "EOXInputValue").strip()); // one query, not a list of inputs
        }
        return new EoxRecord(
                Json.text(r, "EOLProductID").strip(),
                Json.text(r, "ProductIDDescription").strip(),
                Json.text(r, "ProductBulletinNumber").strip(),
                Json.text(r, "LinkToProductBulletinURL").strip(),
                milestones,
                new EoxRecord.Migration(Json.text(migration, "MigrationProductId").strip(),
                        Json.text(migration, "MigrationProductName").strip(), Json.text(migration, "MigrationInformation").strip(),
                        Json.text(migration, "MigrationOption").strip(), Json.text(migration, "MigrationStrategy").strip(),
                        Json.text(migration, "MigrationProductInfoURL").strip()),
                inputs,
                error.isObject() ? ErrorTexts.code(Json.text(error, "ErrorID")) : "",
                error.isObject() ? ErrorTexts.description(Json.text(error, "ErrorDescription")) : "",
                error.isObject() ? Json.text(error, "ErrorDataType").strip() : "",
                error.isObject() ? Json.text(error, "ErrorDataValue").strip() : "");
    }
}
