package dev.ciscosupport.mcp.sandbox;

import dev.ciscosupport.mcp.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Smart Bonding as Cisco's customer documentation describes it, with a TAC that answers: a ticket pushed without a
 * state is created and acknowledged by a pulled message carrying its TAC case number and upload credentials
 * ("Attachment Information"); later pushes move it (Update, Resolved, Closed, an escalation) and each gets a TAC
 * answer to pull; pulls hand out each message once and answer 204 when none is left; the routing codes page with
 * {@code since_id}/{@code max_id}/{@code limit} and a {@code next} link; the file drive takes a PUT authenticated by the
 * case number and its token and answers 201. Refusals are HTTP statuses with {@code {"message", "status"}} (the shape
 * clients in the field read; Cisco documents only "standard HTTP codes"). A test can make the next request fail with
 * any status ({@link #failNext}), and read every request received ({@link #requests}).
 */
final class SmartBondingSandbox {
    static final String API_PREFIX = "/sb-partner-oauth-proxy-api";
    static final String UPLOAD_PREFIX = "/home/";
    private static final Duration UPLOAD_TOKEN_LIFE = Duration.ofDays(72);

    /** One request as the sandbox saw it. */
    record Seen(String method, String path, String correlationId, String authorization) {
    }

    private static final class Ticket {
        final String custCallId;
        final String ciscoCase;
        final String smartBondingId;
        final String uploadToken;
        final Set<String> files = new HashSet<>();
        String state = "Ack";
        String severity;
        boolean escalated;

        Ticket(String custCallId, String ciscoCase, String smartBondingId, String uploadToken) {
            this.custCallId = custCallId;
            this.ciscoCase = ciscoCase;
            this.smartBondingId = smartBondingId;
            this.uploadToken = uploadToken;
        }
    }

    private final SandboxTokens tokens;
    private final InstantSource clock;
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong nextCase = new AtomicLong(698_000_001L);
    private final Map<String, Ticket> tickets = new LinkedHashMap<>();
    private final Deque<ObjectNode> messages = new ArrayDeque<>();
    private final Deque<Integer> failures = new ArrayDeque<>();
    private final List<Seen> seen = new ArrayList<>();
    private final List<ObjectNode> codes = new ArrayList<>();

    SmartBondingSandbox(SandboxTokens tokens, InstantSource clock) {
        this.tokens = tokens;
        this.clock = clock;
        String[][] technologies = {{"15", "NMS (Network Management Services)", "3315", "Netflow Generation Appliance NGA"},
            {"15", "NMS (Network Management Services)", "3316", "Prime Infrastructure"},
            {"2", "LAN Switching", "1411", "Cat9300"}, {"2", "LAN Switching", "1412", "Cat9500"},
            {"32", "Routing Protocols", "2101", "OSPF"}, {"32", "Routing Protocols", "2102", "BGP"}};
        String[][] problems = {{"PASSWORD_RECOV", "Password Recovery"}, {"PRODUCT_QUESTION", "Product Feature/Function Question"},
            {"SOFTWARE_ASSISTANCE", "Software Selection/Download Assistance"}, {"HW_FAILURE", "Hardware Failure"},
            {"CONFIG_ASSISTANCE", "Configuration Assistance (process not intuitive, too complex)"}};
        long id = 10_000_015_703L;
        for (String[] tech : technologies) {
            for (String[] problem : problems) {
                ObjectNode code = Json.MAPPER.createObjectNode();
                code.put("changeFlag", id % 11 == 0 ? "Updated" : "Unchanged");
                code.put("editTimeUtc", "2022-08-24 02:01:38");
                code.put("id", id++);
                code.put("problemCodeDescription", problem[1]);
                code.put("problemCodeName", problem[0]);
                code.put("subTechId", Integer.parseInt(tech[2]));
                code.put("subTechName", tech[3]);
                code.put("techId", Integer.parseInt(tech[0]));
                code.put("techName", tech[1]);
                codes.add(code);
            }
        }
    }

    boolean handles(String path) {
        return path.startsWith(API_PREFIX + "/") || path.startsWith(UPLOAD_PREFIX);
    }

    synchronized Answer handle(HttpServletRequest request, String path) throws IOException {
        String authorization = request.getHeader("Authorization");
        seen.add(new Seen(request.getMethod(), path + (request.getQueryString() == null ? "" : "?" + request.getQueryString()),
                request.getHeader("x-correlation-id"), authorization == null ? "" : authorization.split(" ", 2)[0]));
        Integer failure = failures.poll();
        if (failure != null) {
            return error(failure, failure >= 500 ? "Internal Server Error" : "Refused by the sandbox");
        }
        byte[] body = request.getInputStream().readAllBytes();
        if (path.startsWith(UPLOAD_PREFIX)) {
            return request.getMethod().equals("PUT") ? upload(authorization, path.substring(UPLOAD_PREFIX.length()), body)
                    : error(405, "Method Not Allowed");
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                || !tokens.valid(authorization.substring(7).strip())) {
            return error(401, "Unauthorized");
        }
        String route = path.substring(API_PREFIX.length());
        if (route.equals("/rest/v1/push/call") && request.getMethod().equals("POST")) {
            return push(body);
        }
        if (route.equals("/rest/v1/pull/call") && request.getMethod().equals("GET")) {
            ObjectNode next = messages.poll();
            return next == null ? new Answer(204, "application/json", Map.of(), "") : Answer.json(200, next);
        }
        if (route.equals("/tsp/api/v1/xylem/tspcodes") && request.getMethod().equals("GET")) {
            return tspCodes(SandboxServlet.query(request.getQueryString()), path);
        }
        return error(404, "Not Found");
    }

    private Answer push(byte[] body) {
        JsonNode message;
        try {
            message = Json.MAPPER.readTree(body);
        } catch (JacksonException e) {
            return error(400, "The message is not valid JSON");
        }
        JsonNode calls = message.path("Calls");
        String custCallId = calls.path("CustCallID").asString("").strip();
        if (custCallId.isEmpty()) {
            return error(400, "Calls.CustCallID is mandatory");
        }
        Ticket ticket = tickets.get(custCallId);
        String state = message.path("CallStates").path("ShortName").asString("");
        if (state.isEmpty()) {
            return create(custCallId, calls, message, ticket);
        }
        if (ticket == null) {
            return error(404, "No ticket with CustCallID " + custCallId);
        }
        if (ticket.state.equals("Closed")) {
            return error(400, "Ticket " + custCallId + " is closed");
        }
        if (!List.of("Update", "Open", "Pending", "In Progress", "Resolved", "Closed").contains(state)) {
            return error(400, "Unknown CallStates.ShortName " + state);
        }
        String remarks;
        if ("Escalated".equals(message.path("Priorities").path("ShortName").asString(""))) {
            ticket.escalated = true;
            ticket.state = state;
            ticket.severity = message.path("Severities").path("ShortName").asString(ticket.severity);
            remarks = "Escalation received; a TAC duty manager has the case.";
        } else if (state.equals("Resolved") || state.equals("Closed")) {
            ticket.state = state;
            remarks = state.equals("Closed") ? "Closure received; the case is closed." : "Noted as resolved; closing in 24 hours.";
        } else {
            ticket.state = state.equals("Update") ? "Update" : state;
            remarks = "TAC engineer: thank you for the update, looking into it.";
        }
        messages.add(answer(ticket, remarks));
        return new Answer(200, "application/json", Map.of(), "");
    }

    private Answer create(String custCallId, JsonNode calls, JsonNode message, Ticket existing) {
        if (existing != null) {
            return error(400, "A ticket with CustCallID " + custCallId + " exists already");
        }
        if (calls.path("ShortDescription").asString("").isBlank()) {
            return error(400, "Calls.ShortDescription is mandatory");
        }
        if (calls.path("CHD").path("EMail").asString("").isBlank()) {
            return error(400, "Calls.CHD.EMail is mandatory");
        }
        String severity = message.path("Severities").path("ShortName").asString("3");
        if (!List.of("3", "4").contains(severity)) {
            return error(400, "Cases are created with severity 3 or 4");
        }
        byte[] secret = new byte[12];
        random.nextBytes(secret);
        Ticket ticket = new Ticket(custCallId, String.valueOf(nextCase.getAndIncrement()),
                String.valueOf(9_876_500_000L + tickets.size()), Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
        ticket.severity = severity;
        tickets.put(custCallId, ticket);
        ObjectNode ack = answer(ticket, "CaseCreate successful!\nCSOne Case ID: " + ticket.ciscoCase);
        ObjectNode ext = ack.putObject("ExtTableValues");
        ext.put("Field80", "cxd.cisco.com");
        ext.put("Field81", ticket.uploadToken);
        ext.put("Field82", clock.instant().plus(UPLOAD_TOKEN_LIFE).getEpochSecond());
        ext.put("Field83", "/");
        ext.put("Field84", 21);
        ext.put("Field85", "/");
        ext.put("Field86", 990);
        ext.put("Field87", "/home/");
        messages.add(ack);
        return new Answer(200, "application/json", Map.of(), "");
    }

    /** A TAC message about {@code ticket}, as a pull hands it out. */
    private static ObjectNode answer(Ticket ticket, String remarks) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        ObjectNode calls = out.putObject("Calls");
        calls.put("SDCallID", ticket.smartBondingId);
        calls.put("CustCallID", ticket.custCallId);
        calls.put("SPCallID", ticket.ciscoCase);
        calls.put("Remarks", remarks);
        out.putObject("CallStates").put("ShortName", ticket.state);
        if (ticket.severity != null) {
            out.putObject("Severities").put("ShortName", ticket.severity);
        }
        if (ticket.escalated) {
            out.putObject("Priorities").put("ShortName", "Escalated");
        }
        return out;
    }

    private Answer tspCodes(Map<String, String> query, String path) {
        long since;
        long max;
        int limit;
        try {
            since = Long.parseLong(query.getOrDefault("since_id", "0"));
            max = Long.parseLong(query.getOrDefault("max_id", String.valueOf(Long.MAX_VALUE)));
            limit = Integer.parseInt(query.getOrDefault("limit", "100"));
        } catch (NumberFormatException e) {
            return error(400, "since_id, max_id and limit are whole numbers");
        }
        if (limit < 0 || limit > 10_000) {
            return error(400, "limit must be between 0 and 10000");
        }
        ObjectNode page = Json.MAPPER.createObjectNode();
        ArrayNode list = page.putArray("tspCodes");
        long last = since;
        int matching = 0;
        for (ObjectNode code : codes) {
            long id = code.path("id").asLong();
            if (id > since && id <= max) {
                matching++;
                if (list.size() < limit) {
                    list.add(code);
                    last = id;
                }
            }
        }
        ArrayNode links = page.putArray("_links");
        links.addObject().put("rel", "self").put("method", "GET").put("href", path + "?since_id=" + since + "&limit=" + limit);
        if (matching > list.size()) {
            links.addObject().put("rel", "next").put("method", "GET").put("href", path + "?since_id=" + last + "&limit=" + limit);
        }
        return Answer.json(200, page);
    }

    private Answer upload(String authorization, String rawName, byte[] body) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return error(401, "Unauthorized");
        }
        String[] pair;
        try {
            pair = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8).split(":", 2);
        } catch (IllegalArgumentException e) {
            return error(401, "Unauthorized");
        }
        Ticket ticket = pair.length < 2 ? null : tickets.values().stream().filter(t -> t.ciscoCase.equals(pair[0])
                && t.uploadToken.equals(pair[1])).findFirst().orElse(null);
        if (ticket == null) {
            return error(401, "Unauthorized");
        }
        String name = URLDecoder.decode(rawName, StandardCharsets.UTF_8);
        if (name.isEmpty() || name.contains("/") || body.length == 0) {
            return error(400, "A file name and a non-empty body are needed");
        }
        ticket.files.add(name);
        return new Answer(201, "application/json", Map.of(), "");
    }

    /** Smart Bonding's refusal: the status, and {@code {"message", "status"}}. */
    private static Answer error(int status, String message) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("message", message);
        body.put("status", String.valueOf(status));
        return Answer.json(status, body);
    }

    synchronized void failNext(int status) {
        failures.add(status);
    }

    synchronized List<Seen> requests() {
        return List.copyOf(seen);
    }

    /** The files received on the case {@code ciscoCase}. */
    synchronized Set<String> files(String ciscoCase) {
        return tickets.values().stream().filter(t -> t.ciscoCase.equals(ciscoCase)).findFirst().map(t -> Set.copyOf(t.files))
                .orElse(Set.of());
    }

    /** The JSON of {@code /_sandbox/smart-bonding/requests}: what a test in another process reads. */
    synchronized ObjectNode requestsJson() {
        ObjectNode out = Json.MAPPER.createObjectNode();
        ArrayNode list = out.putArray("requests");
        seen.forEach(s -> list.addObject().put("method", s.method()).put("path", s.path())
                .put("correlation_id", s.correlationId()).put("authorization", s.authorization()));
        ObjectNode files = out.putObject("files");
        tickets.values().forEach(t -> {
            ArrayNode names = files.putArray(t.ciscoCase);
            t.files.stream().sorted().forEach(names::add);
        });
        return out;
    }
}
