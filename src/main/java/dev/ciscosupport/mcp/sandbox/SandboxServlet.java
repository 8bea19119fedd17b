package dev.ciscosupport.mcp.sandbox;

import dev.ciscosupport.mcp.json.Json;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * Routes a request the way Cisco's hosts do: the token endpoint, then the gateway (bearer check,
 * injected faults, rate-limit headers), then the API. {@code /_sandbox/...} is the sandbox's own
 * control surface for tests that run it in another process.
 */
final class SandboxServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String TOKEN_PATH = "/oauth2/default/v1/token";
    private static final String BUG_PREFIX = "/bug/v2.0/bugs";
    private static final String EOX_PREFIX = "/supporttools/eox/rest/5";
    private static final String PSIRT_PREFIX = "/security/advisories/v2";
    private static final String SERIAL_PREFIX = "/sn2info/v2";
    private static final String PRODUCT_PREFIX = "/product/v1/information";
    private static final String SOFTWARE_PREFIX = "/software/suggestion/v2/suggestions";
    private static final String CASE_PREFIX = "/case/v3/cases";
    private static final String RMA_PREFIX = "/return/v1.0/returns";

    private final transient TokenEndpoint tokenEndpoint;
    private final transient SandboxTokens tokens;
    private final transient BugEndpoints bugs;
    private final transient EoxEndpoints eox;
    private final transient PsirtEndpoints psirt;
    private final transient SerialEndpoints serials;
    private final transient ProductInfoEndpoints productInfo;
    private final transient SoftwareEndpoints software = new SoftwareEndpoints();
    private final transient CaseEndpoints cases;
    private final transient RmaEndpoints rmas;
    private final transient Faults faults;
    private final transient RequestLog log;
    private final transient Entitlements entitlements;
    private final transient SmartBondingSandbox smartBonding;

    SandboxServlet(TokenEndpoint tokenEndpoint, SandboxTokens tokens, BugEndpoints bugs, EoxEndpoints eox,
            PsirtEndpoints psirt, SerialEndpoints serials, ProductInfoEndpoints productInfo, Faults faults, RequestLog log,
            Entitlements entitlements, CaseEndpoints cases, RmaEndpoints rmas, SmartBondingSandbox smartBonding) {
        this.smartBonding = smartBonding;
        this.rmas = rmas;
        this.cases = cases;
        this.entitlements = entitlements;
        this.productInfo = productInfo;
        this.psirt = psirt;
        this.serials = serials;
        this.tokenEndpoint = tokenEndpoint;
        this.tokens = tokens;
        this.bugs = bugs;
        this.eox = eox;
        this.faults = faults;
        this.log = log;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String rawPath = request.getRequestURI();
        if (smartBonding.handles(rawPath)) {
            delay();
            smartBonding.handle(request, rawPath).writeTo(response); // its own hosts at Cisco: not the Support APIs' gateway
            return;
        }
        if (rawPath.startsWith("/_sandbox/")) {
            control(rawPath, request, query(request.getQueryString())).writeTo(response);
            return;
        }
        if (rawPath.equals(TOKEN_PATH) && request.getMethod().equals("POST")) {
            delay();
            log.token();
            Optional<Fault> fault = faults.nextTokenFault();
            Answer answer = fault.isPresent() ? GatewayFaults.answer(fault.get())
                    : tokenEndpoint.handle(request, query(new String(request.getInputStream().readAllBytes(),
                            StandardCharsets.UTF_8)));
            answer.writeTo(response);
            return;
        }
        long arrived = System.nanoTime();
        log.api(new RequestLog.Seen(rawPath + (request.getQueryString() == null ? "" : "?" + request.getQueryString()),
                request.getHeader("Authorization"), request.getHeader("User-Agent"), request.getHeader("Accept"),
                arrived));
        delay(); // counted on arrival, so a request the client gave up on still shows
        (log.overQps(arrived) ? GatewayFaults.answer(Fault.OVER_QPS) : gateway(request, rawPath)).writeTo(response);
    }

    private Answer gateway(HttpServletRequest request, String rawPath) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || authorization.isBlank()) {
            return GatewayFaults.missingAuthorization();
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7) || !tokens.valid(authorization.substring(7).strip())) {
            return GatewayFaults.notAuthorized();
        }
        if (!entitlements.allows(rawPath)) {
            return GatewayFaults.notAuthorized();
        }
        Optional<Fault> fault = faults.nextApiFault();
        if (fault.isPresent()) {
            return GatewayFaults.answer(fault.get());
        }
        if (!request.getMethod().equals("GET")) {
            return GatewayFaults.serviceNotFound();
        }
        Answer answer;
        if (rawPath.equals("/hello")) {
            ObjectNode hello = Json.MAPPER.createObjectNode();
            hello.putObject("helloResponse").put("response", "Hello World!");
            answer = Answer.json(200, hello);
        } else if (rawPath.equals(BUG_PREFIX) || rawPath.startsWith(BUG_PREFIX + "/")) {
            answer = bugs.handle(segments(rawPath.substring(BUG_PREFIX.length())), query(request.getQueryString()));
        } else if (rawPath.startsWith(RMA_PREFIX + "/")) {
            answer = rmas.handle(segments(rawPath.substring(RMA_PREFIX.length())), query(request.getQueryString()), rawPath);
        } else if (rawPath.startsWith(CASE_PREFIX + "/")) {
            answer = cases.handle(segments(rawPath.substring(CASE_PREFIX.length())), query(request.getQueryString()), rawPath);
        } else if (rawPath.startsWith(SOFTWARE_PREFIX + "/")) {
            answer = software.handle(segments(rawPath.substring(SOFTWARE_PREFIX.length())), query(request.getQueryString()));
        } else if (rawPath.startsWith(PRODUCT_PREFIX + "/")) {
            answer = productInfo.handle(segments(rawPath.substring(PRODUCT_PREFIX.length())), query(request.getQueryString()),
                    rawPath);
        } else if (rawPath.startsWith(SERIAL_PREFIX + "/")) {
            answer = serials.handle(segments(rawPath.substring(SERIAL_PREFIX.length())), query(request.getQueryString()), rawPath);
        } else if (rawPath.startsWith(PSIRT_PREFIX + "/")) {
            answer = psirt.handle(segments(rawPath.substring(PSIRT_PREFIX.length())), query(request.getQueryString()));
        } else if (rawPath.startsWith(EOX_PREFIX + "/")) {
            answer = eox.handle(segments(rawPath.substring(EOX_PREFIX.length())), query(request.getQueryString()));
        } else {
            answer = GatewayFaults.serviceNotFound();
        }
        Map<String, String> headers = new LinkedHashMap<>(answer.headers());
        headers.put("x-ratelimit-limit", "2000");
        headers.put("x-ratelimit-observed", String.valueOf(log.apiRequests()));
        return new Answer(answer.status(), answer.contentType(), headers, answer.body());
    }

    private Answer control(String rawPath, HttpServletRequest request, Map<String, String> query) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        switch (rawPath) {
            case "/_sandbox/requests" -> {
                body.put("api", log.apiRequests()).put("token", log.tokenRequests());
                body.putArray("recent").addAll(log.recentPaths().stream()
                        .map(p -> Json.MAPPER.getNodeFactory().stringNode(p)).toList());
            }
            case "/_sandbox/arrivals" -> {
                // When each API request arrived (milliseconds on the sandbox's clock), and how many were over the limit.
                body.put("over_qps", log.overQpsAnswers());
                body.putArray("arrivals_ms").addAll(log.recent().stream()
                        .map(seen -> Json.MAPPER.getNodeFactory().numberNode(seen.arrivedNanos() / 1_000_000)).toList());
            }
            case "/_sandbox/quota" -> log.perSecond(Integer.parseInt(query.getOrDefault("per_second", "0")));
            case "/_sandbox/reset" -> {
                log.reset();
                faults.clear();
            }
            case "/_sandbox/faults" -> {
                if (query.containsKey("latency_ms")) {
                    faults.latency(java.time.Duration.ofMillis(Long.parseLong(query.get("latency_ms"))));
                }
                if (query.containsKey("fault")) {
                    Optional<Fault> fault = Fault.parse(query.get("fault"));
                    if (fault.isEmpty()) {
                        return Answer.json(400, body.put("error", "unknown fault"));
                    }
                    faults.inject(fault.get(), Integer.parseInt(query.getOrDefault("times", "1")));
                }
            }
            case "/_sandbox/revoke-tokens" -> tokens.revokeAll();
            case "/_sandbox/smart-bonding/requests" -> {
                return Answer.json(200, smartBonding.requestsJson());
            }
            case "/_sandbox/smart-bonding/fail" -> smartBonding.failNext(Integer.parseInt(query.getOrDefault("status", "500")));
            case "/_sandbox/entitlements" -> entitlements.only(query.containsKey("apis")
                    ? java.util.Arrays.asList(query.get("apis").split(",")) : null);
            default -> {
                return Answer.json(404, body.put("error", "unknown sandbox control path"));
            }
        }
        return Answer.json(200, body.put("ok", true));
    }

    private void delay() {
        long millis = faults.latency().toMillis();
        try {
            faults.awaitRelease();
            if (millis > 0) {
                Thread.sleep(millis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Splits the raw path on '/' first, then decodes each segment, so an encoded %2F stays inside its segment. */
    static List<String> segments(String rawPath) {
        List<String> out = new ArrayList<>();
        for (String s : rawPath.split("/")) {
            if (!s.isEmpty()) {
                out.add(decode(s));
            }
        }
        return out;
    }

    /** The snake_case APIs' {@code page_index} (1 when absent), or 0 when it is not a number. */
    static int pageIndex(Map<String, String> query) {
        try {
            return Integer.parseInt(query.getOrDefault("page_index", "1"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            out.putIfAbsent(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    /** Percent-decoding of a path segment ('+' is a plus sign in a path, not a space). */
    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
