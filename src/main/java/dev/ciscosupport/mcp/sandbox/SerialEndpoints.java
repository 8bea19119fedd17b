package dev.ciscosupport.mcp.sandbox;

import dev.ciscosupport.mcp.json.Json;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Cisco's Serial Number to Information API v2 as the sandbox serves it (SPEC.md §8): up to 75 serials
 * per call, answers in an order other than the input's (as recorded: clients must match on
 * {@code sr_no}), a per-serial {@code ErrorResponse} for unknown serials, and summaries paged by 50.
 */
final class SerialEndpoints {
    static final int PAGE_SIZE = 50;
    private static final int MAX_INPUTS = 75;
    private final CoverageCatalog coverage;

    SerialEndpoints(CoverageCatalog coverage) {
        this.coverage = coverage;
    }

    /** @param path the decoded path segments after {@code /sn2info/v2} */
    Answer handle(List<String> path, Map<String, String> query, String rawPath) {
        if (path.size() != 4) {
            return Answer.apiError(400, "API_MISSING_PARAMETERS", "A required parameter is missing",
                    "Please consult the API documentation");
        }
        String kind = path.get(0) + "/" + path.get(1) + "/" + path.get(2);
        List<String> inputs = Arrays.stream(path.get(3).split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .distinct().toList();
        if (inputs.size() > MAX_INPUTS) {
            return Answer.apiError(400, "EXCEEDED_INPUTS", "Number of inputs exceeded the maximum of 75",
                    "Please reduce the number of inputs");
        }
        if (inputs.stream().anyMatch(s -> !s.matches("[A-Za-z0-9]{1,40}"))) {
            return Answer.apiError(400, "API_INVALID_INPUT", "A parameter is incorrectly formatted",
                    "Please consult the API documentation");
        }
        // Cisco does not keep the input order: answer sorted, so clients that zip by position are caught.
        List<String> ordered = inputs.stream().sorted(Comparator.reverseOrder()).toList();
        return switch (kind) {
            case "coverage/status/serial_numbers" -> list(ordered, coverage::bySerial, (n, c) -> {
                n.put("is_covered", yes(c.covered())).put("coverage_end_date", c.coverageEnd().toString());
            });
            case "coverage/owner_status/serial_numbers" -> list(ordered, coverage::bySerial, (n, c) -> {
                n.put("is_covered", yes(c.covered())).put("coverage_end_date", c.coverageEnd().toString())
                        .put("sr_no_owner", yes(c.owned())); // Cisco's key order (recorded coverage_owner_status)
            });
            case "identifiers/orderable/serial_numbers" -> list(ordered, coverage::bySerial, (n, c) -> {
                ArrayNode pids = n.putArray("orderable_pid_list");
                String[][] pillars = {{"1", "TAC SUPPORT"}, {"2", "HARDWARE REPLACEMENT"}, {"3", "SOFTWARE SUPPORT"}};
                for (String[] p : pillars) {
                    pids.addObject().put("orderable_pid", c.productId()).put("pillar_code", p[0]).put("pillar_description", p[1]);
                }
            });
            case "coverage/summary/serial_numbers" -> summary(ordered, query, rawPath, false);
            case "coverage/summary/instance_numbers" -> summary(ordered, query, rawPath, true);
            default -> GatewayFaults.serviceNotFound();
        };
    }

    private interface Fill {
        void into(ObjectNode node, CoverageCatalog.Coverage coverage);
    }

    private static Answer list(List<String> serials, Function<String, Optional<CoverageCatalog.Coverage>> find, Fill fill) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode items = root.putArray("serial_numbers");
        for (String serial : serials) {
            ObjectNode n = items.addObject().put("sr_no", serial);
            find.apply(serial).ifPresentOrElse(c -> fill.into(n, c), () -> notFound(n));
        }
        return Answer.json(200, root);
    }

    private Answer summary(List<String> inputs, Map<String, String> query, String rawPath, boolean byInstance) {
        int page = SandboxServlet.pageIndex(query);
        if (page < 1) {
            return Answer.apiError(400, "API_INVALID_INPUT", "Invalid page_index", "Please consult the API documentation");
        }
        int total = inputs.size();
        int from = Math.min(total, (page - 1) * PAGE_SIZE);
        List<String> onPage = inputs.subList(from, Math.min(total, from + PAGE_SIZE));
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.putObject("pagination_response_record").put("last_index", (total + PAGE_SIZE - 1) / PAGE_SIZE)
                .put("page_index", page).put("page_records", onPage.size())
                .put("self_link", "https://api.cisco.com" + rawPath + "?page_index=" + page)
                .put("title", byInstance ? "Get Coverage Summary by Instance Numbers - SN2INFO API"
                        : "Get Coverage Summary by Serial Numbers - SN2INFO API")
                .put("total_records", total);
        ArrayNode items = root.putArray(byInstance ? "instance_numbers" : "serial_numbers");
        int id = from;
        for (String input : onPage) {
            ObjectNode n = items.addObject();
            Optional<CoverageCatalog.Coverage> found = byInstance ? coverage.byInstance(input) : coverage.bySerial(input);
            if (found.isEmpty()) {
                n.put(byInstance ? "instance_number" : "sr_no", input);
                notFound(n);
                continue;
            }
            CoverageCatalog.Coverage c = found.get();
            if (byInstance) {
                n.putObject("base_pid").put("base_pid", c.productId());
            } else {
                n.putArray("base_pid_list").addObject().put("base_pid", c.productId());
            }
            n.put("contract_site_customer_name", c.customer()).put("contract_site_address1", c.address())
                    .put("contract_site_city", c.city()).put("contract_site_state_province", c.state())
                    .put("contract_site_country", c.country())
                    .put("covered_product_line_end_date", c.coverageEnd().toString())
                    .put("id", String.valueOf(++id));
            if (byInstance) {
                n.put("instance_number", c.instanceNumber());
            }
            n.put("is_covered", yes(c.covered()));
            ObjectNode orderable = byInstance ? n.putObject("orderable_pid") : n.putArray("orderable_pid_list").addObject();
            orderable.put("item_description", c.description()).put("item_position", "P").put("item_type", "CHASSIS")
                    .put("orderable_pid", c.productId());
            if (!byInstance) {
                orderable.put("pillar_code", "1,2,3");
            }
            n.put(byInstance ? "parent_instance_no" : "parent_sr_no", "")
                    .put("service_contract_number", c.covered() ? c.contract() : "")
                    .put("service_line_descr", c.covered() ? c.serviceLine() : "");
            n.put("sr_no", c.serial()); // by instance number too: the item names its serial
            n.put("warranty_end_date", c.warrantyEnd().toString()).put("warranty_type", c.warrantyType())
                    .put("warranty_type_description", "http://www.cisco.com/go/warranty");
        }
        return Answer.json(200, root);
    }

    private static void notFound(ObjectNode n) {
        n.putObject("ErrorResponse").putObject("APIError").put("ErrorCode", "NO_RECORDS_FOUND")
                .put("ErrorDescription", "No records found").put("SuggestedAction", "Please verify the serial number");
    }

    private static String yes(boolean value) {
        return value ? "YES" : "NO";
    }
}
