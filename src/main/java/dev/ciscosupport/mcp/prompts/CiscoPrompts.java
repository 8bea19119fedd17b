package dev.ciscosupport.mcp.prompts;

import dev.ciscosupport.mcp.config.SupportApi;
import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.spec.McpSchema.PromptArgument;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The eleven prompts of the TypeScript server (same names and arguments), cisco-fleet-check and cisco-open-tac-ticket,
 * each a user message that tells the model which of this server's tools to use, in what order and with which arguments. A
 * prompt is offered only when the API it needs is enabled; the product can be given as a serial
 * number on the prompts about one product, looked up through Cisco when the serial API is enabled.
 */
public final class CiscoPrompts {
    /**
     * One prompt, whichever protocol revision serves it: the API it needs, what clients see of it, and its text for the
     * arguments given ({@link #answer}; a missing or wrong argument is a JSON-RPC error naming it).
     */
    public record Gated(SupportApi api, McpSchema.Prompt prompt, Function<Map<String, Object>, McpSchema.GetPromptResult> answer) {
        public String name() {
            return prompt.name();
        }

        /** The prompt for the 2025-11-25 server. */
        public SyncPromptSpecification legacy() {
            return new SyncPromptSpecification(prompt, (exchange, request) -> answer.apply(request.arguments()));
        }
    }

    static final List<String> SEVERITIES = List.of("1", "2", "3", "4", "5", "6");
    static final List<String> STATUSES = List.of("O", "F", "T");
    static final List<String> EOX_FOCUS = List.of("product_ids", "serial_numbers", "software_releases", "date_range");
    static final List<String> SEARCH_CONTEXTS = List.of("incident", "upgrade_planning", "maintenance", "security_review",
            "general");
    static final List<String> SECURITY_FOCUS = List.of("critical_only", "all_severities", "recent");
    static final List<String> BOOLEANS = List.of("true", "false");
    static final List<String> FLEET_SEVERITIES = List.of("critical", "high", "medium", "low");

    private static final String SEVERITY_RULE = "The severity filter takes one value per call (never \"1,2,3\"): make one"
            + " call per severity.";
    private static final String ALL_DATES = "Pass modified_date=5 to search all dates (Cisco's default is the last 30 days).";

    private CiscoPrompts() {
    }

    /** The prompts whose API is in {@code enabled}. */
    public static List<Gated> forApis(Set<SupportApi> enabled, ProductResolver products) {
        List<Gated> all = new ArrayList<>();
        add(all, enabled, products, SupportApi.BUG, "cisco-high-severity-search", "High-Severity Bug Search",
                "Bugs of severity 1 up to a maximum for a product or keyword, one severity at a time.",
                List.of(arg("product_keyword", "Product name, ID or keyword, e.g. C9300 or ISR4431", true),
                        arg("version", "Software version, e.g. 17.9.4", false),
                        arg("max_severity", "Highest severity number to include, 1-6 (default 3)", false)),
                a -> {
                    String keyword = a.required("product_keyword", "a product name, ID or keyword such as C9300");
                    int max = a.number("max_severity", 3, 1, 6);
                    String version = a.optional("version").map(v -> " " + v).orElse("");
                    return "Find Cisco bugs of severity 1 to " + max + " for " + keyword + version + ".\n"
                            + "Call search_bugs_by_keyword with keyword \"" + keyword + version + "\" once for each severity from"
                            + " 1 to " + max + ". " + SEVERITY_RULE + " " + ALL_DATES + "\n"
                            + "Merge the answers, drop duplicate bug IDs, and list each bug with its ID, severity, status,"
                            + " headline and fixed releases, most severe first. Say which severities had no bugs.";
                });
        add(all, enabled, products, SupportApi.BUG, "cisco-incident-investigation", "Incident Investigation",
                "Investigate a symptom on a product: matching bugs, their workarounds and fixes.",
                List.of(arg("symptom", "What is happening, e.g. 'reload with traceback in IOSd'", true), productArg(),
                        serialArg(), arg("severity", "Severity to start from, 1-6", false),
                        arg("software_version", "Running software version", false)),
                a -> {
                    String symptom = a.required("symptom", "what is happening, e.g. an error message or behaviour");
                    String product = a.product();
                    String version = a.optional("software_version").map(v -> " running " + v).orElse("");
                    String severity = a.oneOf("severity", SEVERITIES).orElse("1");
                    return "Investigate this incident: \"" + symptom + "\" on " + product + version + ".\n"
                            + "1. search_bugs_by_keyword with the key words of the symptom, starting at severity " + severity
                            + " and going down. " + SEVERITY_RULE + " " + ALL_DATES + "\n"
                            + "2. If the product ID is known, search_bugs_by_product_id (and search_bugs_by_product_and_release"
                            + " with the version) to narrow to this platform.\n"
                            + "3. get_bug_details for the best matches, to read their symptoms, conditions and workarounds.\n"
                            + "Then rank the likely bugs, say how each matches the symptom, give workarounds and the releases"
                            + " that fix them, and what to collect if none matches.";
                });
        add(all, enabled, products, SupportApi.BUG, "cisco-upgrade-planning", "Upgrade Planning",
                "Plan a software upgrade: bugs fixed and introduced between two versions, advisories, lifecycle.",
                List.of(arg("current_version", "Version running now, e.g. 17.6.5", true),
                        arg("target_version", "Version to upgrade to, e.g. 17.9.4", true), productArg(), serialArg(),
                        arg("environment", "Where it runs, e.g. campus core, branch", false)),
                a -> {
                    String current = a.required("current_version", "the version running now, such as 17.6.5");
                    String target = a.required("target_version", "the version to upgrade to, such as 17.9.4");
                    String product = a.product();
                    String environment = a.optional("environment").map(e -> " in " + e).orElse("");
                    return "Plan the upgrade of " + product + environment + " from " + current + " to " + target + ".\n"
                            + "1. search_bugs_by_product_and_release for " + current + " and for " + target
                            + " (severity 1 to 3, one severity per call; " + ALL_DATES + ").\n"
                            + "2. Compare: bugs of " + current + " fixed in " + target + ", and bugs open in " + target + ".\n"
                            + "3. If available: get_security_advisories_by_software_version for both versions,"
                            + " get_software_suggestions_by_product_ids for Cisco's recommended release, and"
                            + " get_eox_by_product_id for the product's end-of-life dates.\n"
                            + "Conclude with the risks of staying, the risks of moving, and a recommendation.";
                });
        add(all, enabled, products, SupportApi.BUG, "cisco-maintenance-prep", "Maintenance Preparation",
                "Prepare a maintenance window: known issues of the change, pre-checks, rollback.",
                List.of(arg("maintenance_type", "What is done, e.g. software upgrade, hardware replacement", true),
                        productArg(), serialArg(), arg("software_version", "Software version involved", false),
                        arg("timeline", "When, e.g. Saturday 02:00-04:00", false)),
                a -> {
                    String type = a.required("maintenance_type", "what the maintenance is, e.g. software upgrade");
                    String product = a.product();
                    String version = a.optional("software_version").map(v -> " (" + v + ")").orElse("");
                    String when = a.optional("timeline").map(t -> " planned for " + t).orElse("");
                    return "Prepare a maintenance window: " + type + " on " + product + version + when + ".\n"
                            + "1. search_bugs_by_keyword for issues tied to this kind of change on this product (severity 1 to 3,"
                            + " one per call; " + ALL_DATES + "), and search_bugs_by_product_and_release when the version is known.\n"
                            + "2. get_bug_details for those that could bite during the change.\n"
                            + "Give a checklist: pre-checks, the steps, what to watch, known issues with workarounds, and"
                            + " the rollback plan.";
                });
        add(all, enabled, products, SupportApi.BUG, "cisco-security-advisory", "Security Review",
                "Security review of a product or version: advisories and security bugs.",
                List.of(productArg(), serialArg(), arg("software_version", "Software version to check", false),
                        arg("security_focus", "critical_only, all_severities or recent", false)),
                a -> {
                    String product = a.product();
                    String version = a.optional("software_version").orElse(null);
                    String focus = a.oneOf("security_focus", SECURITY_FOCUS).orElse("all_severities");
                    return "Review the security of " + product + (version == null ? "" : " running " + version) + " (focus: "
                            + focus + ").\n"
                            + (version == null ? "" : "- get_security_advisories_by_software_version with the version (if the"
                                    + " PSIRT tools are offered): the advisories that affect it and their first fixed releases.\n")
                            + "- get_security_advisories_by_product, and search_bugs_by_keyword with \"" + product
                            + " security\" or the CVE numbers, severity 1 to 3, one per call.\n"
                            + "List each advisory with its impact, CVSS score, CVEs and first fixed release, and say"
                            + " plainly that no advisory found is not proof of safety.";
                });
        add(all, enabled, products, SupportApi.BUG, "cisco-known-issues", "Known Issues",
                "Known issues of a product in one software version.",
                List.of(productArg(), serialArg(), arg("software_version", "Software version, e.g. 17.9.4", true),
                        arg("issue_type", "Kind of issue, e.g. memory leak, crash, performance", false)),
                a -> {
                    String version = a.required("software_version", "the software version, such as 17.9.4");
                    String product = a.product();
                    String type = a.optional("issue_type").map(t -> " about " + t).orElse("");
                    return "List the known issues" + type + " of " + product + " in " + version + ".\n"
                            + "Use search_bugs_by_product_and_release (product ID and " + version + "), or"
                            + " search_bugs_by_product_series_affected with the product series, severity 1 to 3, one per"
                            + " call. " + ALL_DATES + " Add search_bugs_by_keyword with \"" + version + type + "\" if few match.\n"
                            + "Group the bugs by impact, give their status and fixed releases, and name the release that"
                            + " fixes most of them.";
                });
        add(all, enabled, products, SupportApi.CASE, "cisco-case-investigation", "Support Case Investigation",
                "Look into support cases by case, contract or user.",
                List.of(arg("case_id", "Case number, e.g. 694000000", false), arg("contract_id", "Contract number", false),
                        arg("user_id", "Cisco.com user ID", false), arg("status", "O (open) or C (closed)", false)),
                a -> {
                    String caseId = a.optional("case_id").orElse(null);
                    String contract = a.optional("contract_id").orElse(null);
                    String user = a.optional("user_id").orElse(null);
                    if (caseId == null && contract == null && user == null) {
                        throw PromptArgs.invalid("The prompt cisco-case-investigation needs case_id, contract_id or user_id.");
                    }
                    String status = a.oneOf("status", List.of("O", "C")).map(s -> " with status " + s).orElse("");
                    StringBuilder text = new StringBuilder("Investigate Cisco support cases.\n");
                    if (caseId != null) {
                        text.append("- get_case_details for case ").append(caseId).append(", then its related bugs with"
                                + " get_bug_details and RMAs with get_rma_details where they exist.\n");
                    }
                    if (contract != null) {
                        text.append("- search_cases_by_contract for contract ").append(contract).append(status).append(".\n");
                    }
                    if (user != null) {
                        text.append("- search_cases_by_user for ").append(user).append(status).append(".\n");
                    }
                    return text.append("Summarise each case: severity, status, age, owner, and what is waiting on whom.").toString();
                });
        add(all, enabled, products, SupportApi.EOX, "cisco-lifecycle-planning", "Lifecycle Planning",
                "End-of-life dates of products or serials, and what to replace first.",
                List.of(arg("product_ids", "Product IDs, comma-separated", false),
                        arg("serial_numbers", "Serial numbers, comma-separated", false),
                        arg("date_range_start", "Start of a date range, YYYY-MM-DD", false),
                        arg("date_range_end", "End of a date range, YYYY-MM-DD", false)),
                a -> {
                    String pids = a.optional("product_ids").orElse(null);
                    String serials = a.optional("serial_numbers").orElse(null);
                    String start = a.optional("date_range_start").orElse(null);
                    String end = a.optional("date_range_end").orElse(null);
                    if (pids == null && serials == null && (start == null || end == null)) {
                        throw PromptArgs.invalid("The prompt cisco-lifecycle-planning needs product_ids, serial_numbers, or"
                                + " both date_range_start and date_range_end (YYYY-MM-DD).");
                    }
                    StringBuilder text = new StringBuilder("Plan the lifecycle of this equipment.\n");
                    if (pids != null) {
                        text.append("- get_eox_by_product_id with ").append(pids).append(".\n");
                    }
                    if (serials != null) {
                        text.append("- get_eox_by_serial_number with ").append(serials).append(".\n");
                    }
                    if (start != null && end != null) {
                        text.append("- get_eox_by_date from ").append(start).append(" to ").append(end).append(".\n");
                    }
                    return text.append("Make a timeline of end of sale, end of software maintenance, end of vulnerability"
                            + " support and last date of support; put first what is already past or due within a year, with"
                            + " the replacement product Cisco names.").toString();
                });
        add(all, enabled, products, SupportApi.EOX, "cisco-eox-research", "EoX Research",
                "End-of-life research by product IDs, serial numbers, software releases or a date range.",
                List.of(arg("product_focus", "product_ids, serial_numbers, software_releases or date_range", true),
                        arg("search_values", "The values, comma-separated (for date_range: start,end as YYYY-MM-DD)", true)),
                a -> {
                    String focus = a.oneOf("product_focus", EOX_FOCUS).orElseThrow(() -> PromptArgs.invalid(
                            "The prompt cisco-eox-research needs product_focus: one of " + String.join(", ", EOX_FOCUS) + "."));
                    String values = a.required("search_values", "the values to look up, comma-separated");
                    String tool = switch (focus) {
                        case "product_ids" -> "get_eox_by_product_id with product_ids \"" + values + "\"";
                        case "serial_numbers" -> "get_eox_by_serial_number with serial_numbers \"" + values + "\"";
                        case "software_releases" -> "get_eox_by_software_release with each release as input1, input2...";
                        default -> "get_eox_by_date with start_date and end_date from \"" + values + "\"";
                    };
                    return "Research Cisco end-of-life information: call " + tool + ".\n"
                            + "For each record give the milestones (end of sale, end of SW maintenance, end of vulnerability"
                            + " support, last date of support), the bulletin link and the replacement; list inputs Cisco"
                            + " has no EoX record for (they are not announced, which is not the same as supported forever).";
                });
        add(all, enabled, products, SupportApi.EOX, "cisco-fleet-check", "Fleet Check",
                "Which of our devices are vulnerable, out of support or uncovered: one check of the whole inventory.",
                List.of(arg("severity_threshold", "Count advisories from this rating up: critical, high, medium or low"
                        + " (default high)", false),
                        arg("horizon_months", "\"Soon\" means within this many months, 1-120 (default 12)", false),
                        arg("checks", "Comma list of advisories, lifecycle, coverage, suggested_release (default all)", false)),
                a -> {
                    String threshold = a.oneOf("severity_threshold", FLEET_SEVERITIES).orElse("high");
                    int horizon = a.number("horizon_months", 12, 1, 120);
                    String checks = a.optional("checks").orElse("");
                    return "Check the user's whole fleet against Cisco's data with check_fleet.\n"
                            + "If the user has not given the inventory yet, ask for it as they have it: a CSV export (any"
                            + " columns that include serial numbers or product IDs, ideally OS type and version), pasted"
                            + " show version / show inventory output, or a list of serial numbers. Pass it unchanged as"
                            + " inventory, with severity_threshold " + threshold + " and horizon_months " + horizon
                            + (checks.isEmpty() ? "" : " and checks \"" + checks + "\"") + ".\n"
                            + "Then report: how many devices have advisories (by severity), are past or near end of"
                            + " support, are not covered or have no record at Cisco; the worst devices and what to do first"
                            + " for each (upgrade to the suggested release, renew the contract, plan the replacement)."
                            + " Say which devices could not be checked and why, and which lines of the inventory were not"
                            + " read. Point the user to the CSV report for the full list.";
                });
        add(all, enabled, products, SupportApi.SMART_BONDING, "cisco-open-tac-ticket", "Open a TAC Ticket",
                "Open a Cisco TAC case through Smart Bonding with what TAC needs, then follow it.",
                List.of(arg("problem", "The problem in plain words", true),
                        arg("device", "The device: serial number, product ID, software version, host name", false),
                        arg("ticket_id", "Your own ticket ID (your ITSM's), if there is one", false)),
                a -> {
                    String problem = a.required("problem", "the problem in plain words");
                    String device = a.optional("device").map(d -> " The device: " + d + ".").orElse("");
                    String ticket = a.optional("ticket_id").map(t -> "CustCallID " + t)
                            .orElse("a CustCallID from the user's own ticketing (ask for it)");
                    return "Open a Cisco TAC case for this problem: \"" + problem + "\"." + device + "\n"
                            + "First gather what TAC will ask: if bug, advisory or coverage tools are listed, search known"
                            + " bugs for the symptom and release, and check the serial's coverage (a case needs an"
                            + " entitled device). Ask the user for their name, email and phone, and what they have tried.\n"
                            + "Optionally pick routing codes with get_smart_bonding_tsp_codes (search by technology; only"
                            + " codes marked unchanged); Cisco derives them when none are given.\n"
                            + "Then call create_smart_bonding_ticket with " + ticket + ", a short title, a detailed"
                            + " description (symptom, device, version, since when, what was tried, bugs considered) and"
                            + " Caller. Severity 3 or 4: Cisco raises severity 1 and 2 by phone, so tell the user to call"
                            + " TAC for an outage. The user confirms before anything is sent.\n"
                            + "Afterwards call pull_smart_bonding_tickets for the TAC case number, and offer to attach"
                            + " logs (show tech-support) with upload_file_to_smart_bonding_ticket.";
                });
        add(all, enabled, products, SupportApi.BUG, "cisco-smart-search", "Smart Search",
                "Turn a question in plain words into the right bug searches.",
                List.of(arg("search_query", "The question, e.g. 'crashes on C9300 after upgrade to 17.9'", true),
                        arg("search_context", "incident, upgrade_planning, maintenance, security_review or general", false),
                        arg("include_web_guidance", "true or false: add search terms for cisco.com", false)),
                a -> {
                    String query = a.required("search_query", "the question in plain words");
                    String context = a.oneOf("search_context", SEARCH_CONTEXTS).orElse("general");
                    boolean web = a.oneOf("include_web_guidance", BOOLEANS).map(Boolean::parseBoolean).orElse(false);
                    return "Answer this question with Cisco's bug database: \"" + query + "\" (context: " + context + ").\n"
                            + "Pick the search from what the question names: a bug ID -> get_bug_details; a product ID such as"
                            + " C9300-24T -> search_bugs_by_product_id (with a version: search_bugs_by_product_and_release);"
                            + " a product series or name and a version -> search_bugs_by_product_series_affected or"
                            + " search_bugs_by_product_name_affected; otherwise search_bugs_by_keyword with the key words"
                            + " (Cisco matches every word). " + SEVERITY_RULE + " " + ALL_DATES + "\n"
                            + "If a search finds nothing, widen it once (fewer words, the series instead of the ID) and say"
                            + " what was searched." + (web ? "\nEnd with two or three search terms for cisco.com." : "");
                });
        add(all, enabled, products, SupportApi.BUG, "cisco-interactive-search", "Interactive Search",
                "A guided bug search that asks for what it needs one question at a time.",
                List.of(arg("initial_query", "What you are looking for, if you know already", false),
                        arg("use_elicitation", "true or false (kept for compatibility; questions are asked in the chat)", false)),
                a -> {
                    a.oneOf("use_elicitation", BOOLEANS);
                    String start = a.optional("initial_query").map(q -> "The user starts with: \"" + q + "\".\n").orElse("");
                    return "Help the user search Cisco's bugs step by step.\n" + start
                            + "Ask, one question at a time and only for what is missing: the product (ID, series or name),"
                            + " the software version, the symptom, and how severe (1 is catastrophic). Then run the"
                            + " matching search (search_bugs_by_product_and_release, search_bugs_by_product_id or"
                            + " search_bugs_by_keyword; " + SEVERITY_RULE + "), show the top results, and offer to narrow"
                            + " or widen.";
                });
        return all;
    }

    private static void add(List<Gated> all, Set<SupportApi> enabled, ProductResolver products, SupportApi api, String name,
            String title, String description, List<PromptArgument> arguments, Function<PromptArgs, String> text) {
        if (!enabled.contains(api)) {
            return;
        }
        McpSchema.Prompt prompt = McpSchema.Prompt.builder(name).title(title).description(description).arguments(arguments)
                .build();
        all.add(new Gated(api, prompt, given -> {
            String body = text.apply(new PromptArgs(name, given, products));
            return McpSchema.GetPromptResult.builder(List.of(new McpSchema.PromptMessage(McpSchema.Role.USER,
                    McpSchema.TextContent.builder(body).build()))).description(description).build();
        }));
    }

    private static PromptArgument arg(String name, String description, boolean required) {
        return PromptArgument.builder(name).description(description).required(required).build();
    }

    private static PromptArgument productArg() {
        return arg("product", "Product name or ID, e.g. C9300-24T (or give serial_number)", false);
    }

    private static PromptArgument serialArg() {
        return arg("serial_number", "A device serial number, instead of product: looked up through Cisco", false);
    }
}
