import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.client.BufferingResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.FormRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a JVM server costs per call when it does only what the TypeScript SDK baseline (bench/node) does, the way node
 * does it: a Streamable HTTP session per client, and for {@code get_bug_details} one GET to Cisco with a cached token and
 * its JSON as one text block, every request handled on the thread that read it, with no thread waiting for Cisco (Jetty's
 * server and client, both non-blocking). No MCP SDK, schemas, filters, limits, logs, quota or retries: not a server to
 * use, a bound to read our figures against. If even this spends more than half of node's CPU per call, no server on
 * this stack (the JVM, Jetty, Jackson) that does our server's work will.
 *
 * <p>Usage: {@code java -cp JAR:BENCH BareServer PORT}, with Cisco's settings in the environment (HttpBench does this).
 */
public final class BareServer extends Handler.Abstract.NonBlocking {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Set<String> sessions = ConcurrentHashMap.newKeySet();
    private final HttpClient cisco;
    private final String base;
    private final String token;

    private BareServer(HttpClient cisco, String base, String token) {
        this.cisco = cisco;
        this.base = base;
        this.token = token;
    }

    public static void main(String[] args) throws Exception {
        HttpClient cisco = new HttpClient();
        cisco.getHttpClientTransport().setInvocationType(Invocable.InvocationType.NON_BLOCKING);
        cisco.start();
        Fields form = new Fields();
        form.put("grant_type", "client_credentials");
        form.put("client_id", System.getenv("CISCO_CLIENT_ID"));
        form.put("client_secret", System.getenv("CISCO_CLIENT_SECRET"));
        ContentResponse answer = cisco.POST(System.getenv("CISCO_TOKEN_URL")).body(new FormRequestContent(form)).send();
        String token = JSON.readTree(answer.getContentAsString()).path("access_token").asString();
        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("bare-http");
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(Integer.parseInt(args[0]));
        connector.setIdleTimeout(60_000);
        server.addConnector(connector);
        server.setHandler(new BareServer(cisco, System.getenv("CISCO_API_BASE_URL"), token));
        server.start();
        server.join();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!"/mcp".equals(Request.getPathInContext(request))) {
            Response.writeError(request, response, callback, 404);
        } else if (HttpMethod.DELETE.is(request.getMethod())) {
            sessions.remove(request.getHeaders().get("Mcp-Session-Id"));
            callback.succeeded();
        } else {
            Content.Source.asString(request, StandardCharsets.UTF_8, new Promise<>() {
                @Override
                public void succeeded(String body) {
                    answer(request, JSON.readTree(body), response, callback);
                }

                @Override
                public void failed(Throwable failure) {
                    Response.writeError(request, response, callback, 400);
                }
            });
        }
        return true;
    }

    private void answer(Request request, JsonNode message, Response response, Callback callback) {
        String method = message.path("method").asString();
        if (method.equals("initialize")) {
            String session = UUID.randomUUID().toString();
            sessions.add(session);
            response.getHeaders().put("Mcp-Session-Id", session);
            ObjectNode result = JSON.createObjectNode();
            result.put("protocolVersion", message.path("params").path("protocolVersion").asString());
            result.putObject("capabilities").putObject("tools");
            result.putObject("serverInfo").put("name", "jvm-bare").put("version", "1.0.0");
            write(response, callback, message.path("id"), result);
        } else if (!sessions.contains(request.getHeaders().get("Mcp-Session-Id"))) {
            Response.writeError(request, response, callback, 404);
        } else if (!message.has("id")) {
            response.setStatus(202); // a notification
            callback.succeeded();
        } else if (method.equals("tools/call")) {
            String ids = message.path("params").path("arguments").path("bug_ids").asString();
            cisco.newRequest(URI.create(base + "/bug/v2.0/bugs/bug_ids/" + ids))
                    .headers(h -> h.put(HttpHeader.AUTHORIZATION, "Bearer " + token).put(HttpHeader.ACCEPT, "application/json"))
                    .send(new BufferingResponseListener() {
                        @Override
                        public void onComplete(Result done) {
                            if (done.isFailed()) {
                                Response.writeError(request, response, callback, 502);
                                return;
                            }
                            ObjectNode result = JSON.createObjectNode();
                            result.putArray("content").addObject().put("type", "text").put("text",
                                    JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(getContentAsString())));
                            write(response, callback, message.path("id"), result);
                        }
                    });
        } else {
            Response.writeError(request, response, callback, 404);
        }
    }

    /** The answer as one server-sent event, in one write, as a short SSE answer is. */
    private static void write(Response response, Callback callback, JsonNode id, ObjectNode result) {
        ObjectNode reply = JSON.createObjectNode().put("jsonrpc", "2.0");
        reply.set("id", id);
        reply.set("result", result);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream");
        String event = "event: message\ndata: " + JSON.writeValueAsString(reply) + "\n\n";
        response.write(true, ByteBuffer.wrap(event.getBytes(StandardCharsets.UTF_8)), callback);
    }
}
