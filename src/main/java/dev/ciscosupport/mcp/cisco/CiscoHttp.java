package dev.ciscosupport.mcp.cisco;

import dev.ciscosupport.mcp.cisco.call.CallContext;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.HttpResponseException;
import org.eclipse.jetty.client.ProxyAuthenticationProtocolHandler;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.client.WWWAuthenticationProtocolHandler;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * The HTTP client for requests to Cisco's APIs (the Support APIs, Smart Bonding's, its file drive) and their token
 * endpoints: Jetty's, HTTP/1.1, never following a redirect (the token must not travel elsewhere), trusting the JVM's
 * certificate authorities and checking the host name, started when it first sends (a session that never asks Cisco
 * never pays for it).
 *
 * <p>Why Jetty's and not the JDK's: side by side on loopback, the JDK's client spent 0.23-0.31 ms of CPU per GET and
 * Jetty's 0.14-0.17 ms, at 8 and 32 requests at once. The JDK's client runs every exchange through its one selector
 * thread and a chain of futures, and takes one lock per request for its timer; Jetty's is the same selector model as
 * our server. The caller's thread waits for the answer; a cancelled call aborts its request from any thread, which
 * closes the connection, and no thread is interrupted.
 */
public final class CiscoHttp {
    /**
     * The most of one answer kept in memory. Cisco's largest pages are a few hundred KB (a coverage summary of 70
     * serials); anything near this is not an answer worth giving a model, and is refused rather than buffered.
     */
    static final int MAX_ANSWER_BYTES = 16 * 1024 * 1024;

    private final Duration connectTimeout;
    private final TlsOnFirstUse tls = new TlsOnFirstUse();
    private volatile HttpClient client;

    /** One answer: its status, its headers (Cisco's gateway says why it refused in one), its body. */
    public record Answer(int status, HttpFields headers, String body) {
        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name));
        }
    }

    /** Why a request got no answer. */
    public enum Failure {
        /** No connection could be made (refused, no such host, no answer to the connect). */
        UNREACHABLE,
        /** The whole exchange took longer than its timeout. */
        TIMED_OUT,
        /** The TLS handshake failed: a certificate not trusted here, or for another name, or no protocol in common. */
        TLS_REFUSED,
        /** The outbound proxy ({@link SystemProxies}) would not open a tunnel to the server. */
        PROXY_REFUSED,
        /** The answer was larger than {@link #MAX_ANSWER_BYTES}. */
        TOO_LARGE,
        /** The connection broke before the answer was complete. */
        BROKEN
    }

    /** A request that got no answer, and why. */
    public static final class Unanswered extends IOException {
        private static final long serialVersionUID = 1L;
        private final Failure failure;

        Unanswered(Failure failure, Throwable cause) {
            super(failure.name(), cause);
            this.failure = failure;
        }

        public Failure failure() {
            return failure;
        }
    }

    public CiscoHttp(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /**
     * Starts the client on a thread of its own, now, so that the first request does not wait for it. This is local work
     * and sends nothing, but it was most of a first tool call's time: Jetty's HTTP parser builds its tables when its class
     * is first used, at the first connection (~40 ms: its MIME types ask the JDK for every locale), and TLS is set up at
     * the first TLS connection ({@link TlsOnFirstUse}: the JDK's trust store read and parsed, its TLS provider loaded,
     * ~150 ms on JDK 17), which {@code tlsToo} does here as well. A stdio server calls this when its client has
     * initialized, so that neither its start nor its answer to {@code initialize} waits for it; with TLS when its
     * Support APIs are reached over https (a sandbox over plain HTTP never needs it).
     *
     * @return done once the client has started; a client that could not start is started again by the first request,
     *         which then meets the fault itself, with its caller to tell
     */
    public CompletableFuture<Void> startInBackground(boolean tlsToo) {
        return CompletableFuture.runAsync(() -> {
            client();
            Objects.requireNonNull(HttpParser.CACHE); // the class's tables are built when it is first used
            if (tlsToo) {
                tls.ready();
            }
        }, task -> {
            Thread thread = new Thread(task, "cisco-http-start");
            thread.setDaemon(true);
            thread.start();
        });
    }

    /**
     * GETs {@code uri} with {@code headers} on the calling thread, within {@code timeout} for the whole exchange.
     *
     * @throws Unanswered           when no complete answer came
     * @throws CancellationException when {@code call} was cancelled while it waited
     * @throws InterruptedException when the thread was interrupted (the server is stopping); the request is aborted
     */
    public Answer get(URI uri, HttpFields headers, Duration timeout, CallContext call)
            throws Unanswered, InterruptedException {
        return send(() -> request(uri, headers, timeout), call);
    }

    /** POSTs a form ({@code application/x-www-form-urlencoded}) to {@code uri}, as {@link #get} does, never cancelled. */
    public Answer postForm(URI uri, HttpFields headers, String form, Duration timeout)
            throws Unanswered, InterruptedException {
        return send(() -> request(uri, headers, timeout).method(HttpMethod.POST)
                .body(new StringRequestContent("application/x-www-form-urlencoded", form)), CallContext.background());
    }

    /**
     * Sends {@code method} to {@code uri} with {@code body} of {@code contentType} (both null for none), as {@link #get}
     * does. A call that must not be cut short once sent (its request changes something, or its answer is handed out
     * once) passes {@link CallContext#background()}.
     */
    public Answer send(HttpMethod method, URI uri, HttpFields headers, String contentType, byte[] body, Duration timeout,
            CallContext call) throws Unanswered, InterruptedException {
        return send(() -> {
            Request request = request(uri, headers, timeout).method(method);
            return body == null ? request : request.body(new BytesRequestContent(contentType, body));
        }, call);
    }

    private Request request(URI uri, HttpFields headers, Duration timeout) {
        // The connection's idle timeout would otherwise end a request Cisco is slow to answer before its own timeout.
        return client().newRequest(uri).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .idleTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).headers(mutable -> mutable.add(headers));
    }

    /**
     * Sends; a GET whose connection closed at once, before any of its answer arrived, is sent once more on a new
     * connection. A pooled connection that the server or a proxy closed as the request went out fails so (a proxy that
     * keeps no connection open between requests, tinyproxy, failed one request in six so), and such a request never
     * reached anyone; the JDK's client sends a GET again too. A connection that broke after a while is not retried here
     * (the request's whole time would be spent twice), nor is any other failure: those are the caller's.
     */
    private static Answer send(Supplier<Request> build, CallContext call) throws Unanswered, InterruptedException {
        AtomicBoolean answerBegan = new AtomicBoolean();
        Request request = build.get().onResponseBegin(response -> answerBegan.set(true));
        long started = System.nanoTime();
        try {
            return exchange(request, call);
        } catch (Unanswered e) {
            boolean closedAtOnce = System.nanoTime() - started < STALE_WITHIN_NANOS && !answerBegan.get();
            if (e.failure() != Failure.BROKEN || !closedAtOnce || !HttpMethod.GET.is(request.getMethod())
                    || call.cancelled()) {
                throw e;
            }
            return exchange(build.get(), call);
        }
    }

    /** How soon a request on a pooled connection found closed fails: within a second, even on a busy host. */
    private static final long STALE_WITHIN_NANOS = TimeUnit.SECONDS.toNanos(1);

    private static Answer exchange(Request request, CallContext call) throws Unanswered, InterruptedException {
        CompletableFuture<ContentResponse> answer = new CompletableResponseListener(request, MAX_ANSWER_BYTES).send();
        CallContext.Registration abort = call.onCancel(() -> request.abort(new CancellationException("cancelled")));
        try {
            ContentResponse response = answer.get();
            return new Answer(response.getStatus(), response.getHeaders(), response.getContentAsString());
        } catch (ExecutionException e) {
            if (call.cancelled()) {
                throw new CancellationException("cancelled");
            }
            throw new Unanswered(failure(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            request.abort(e);
            throw e;
        } finally {
            abort.close();
        }
    }

    /**
     * What to say when {@link Failure#TLS_REFUSED}: {@code who} is the server ("Cisco's Bug API at https://..."),
     * {@code setting} the setting that names it.
     */
    public static String handshakeFailed(String who, String setting) {
        return "The TLS handshake with " + who + " failed: its certificate is not trusted here or is for another name;"
                + " check " + setting + ", and any proxy that inspects TLS (its certificate authority must be in the"
                + " JVM's trust store).";
    }

    /** What to say when {@link Failure#TOO_LARGE}: {@code who} is the server that sent it. */
    public static String tooLarge(String who) {
        return who + " sent an answer larger than " + MAX_ANSWER_BYTES / (1024 * 1024) + " MB, which is not kept";
    }

    /** What to say when {@link Failure#PROXY_REFUSED}: {@code who} is the server the tunnel was for. */
    public static String proxyRefused(String who) {
        return "The outbound proxy refused to open a tunnel to " + who + ": check -Dhttps.proxyHost and -Dhttps.proxyPort"
                + " (JDK_JAVA_OPTIONS), and that the proxy lets this server reach that host; a proxy that asks for"
                + " credentials is not supported.";
    }

    private static Failure failure(Throwable cause) {
        if (cause instanceof TimeoutException) {
            return Failure.TIMED_OUT; // the request's own timeout (Jetty's java.util.concurrent one)
        }
        if (cause instanceof javax.net.ssl.SSLHandshakeException) {
            return Failure.TLS_REFUSED;
        }
        if (cause instanceof HttpResponseException refused
                && HttpMethod.CONNECT.is(refused.getResponse().getRequest().getMethod())) {
            return Failure.PROXY_REFUSED; // the proxy's answer to CONNECT was not 200
        }
        if (cause instanceof ConnectException || cause instanceof UnknownHostException
                || cause instanceof SocketTimeoutException || cause instanceof java.nio.channels.UnresolvedAddressException) {
            return Failure.UNREACHABLE; // SocketTimeoutException: Jetty's "Connect Timeout"
        }
        if (cause instanceof IllegalArgumentException && String.valueOf(cause.getMessage()).contains("capacity")) {
            return Failure.TOO_LARGE; // "Buffering capacity ... exceeded"
        }
        return Failure.BROKEN;
    }

    private HttpClient client() {
        HttpClient started = client;
        if (started == null) {
            synchronized (this) {
                started = client;
                if (started == null) {
                    started = start(connectTimeout, tls);
                    client = started;
                    Stopper.when(this, started);
                }
            }
        }
        return started;
    }

    /**
     * Stops a client whose {@link CiscoHttp} is gone, as the JDK's client ends its selector thread when it is no longer
     * referenced: a process keeps one gateway for its life, but a test JVM makes hundreds, and each started client holds
     * a selector thread. (A holder class: its cleaner's thread starts with the first client, not with this class.)
     */
    private static final class Stopper {
        private static final java.lang.ref.Cleaner CLEANER = java.lang.ref.Cleaner.create();

        static void when(CiscoHttp unreachable, HttpClient client) {
            CLEANER.register(unreachable, () -> {
                try {
                    client.stop();
                } catch (Exception e) {
                    // stopping only frees threads; nothing is waiting on them
                }
            });
        }
    }

    private static HttpClient start(Duration connectTimeout, TlsOnFirstUse tls) {
        // Daemon threads: a stdio server exits when its client goes, whatever the pool holds. Waiting callers hold their
        // own threads; these only move bytes, so a few suffice.
        QueuedThreadPool threads = new QueuedThreadPool(16, 1);
        threads.setName("cisco-http");
        threads.setDaemon(true);
        ClientConnector connector = new ClientConnector();
        connector.setSslContextFactory(tls);
        connector.unmanage(tls); // not started with the client: at its first use (or by startInBackground)
        HttpClient client = new HttpClient(new HttpClientTransportOverHTTP(connector));
        // What runs when an answer arrives only completes the future its caller waits on (and marks that an answer
        // began): nothing that blocks, so Jetty may read and parse answers on the selector thread that saw them
        // instead of handing each to a pooled thread first, one hand-off and wake-up less per request.
        client.getHttpClientTransport().setInvocationType(Invocable.InvocationType.NON_BLOCKING);
        client.setExecutor(threads);
        client.setScheduler(new ScheduledExecutorScheduler("cisco-http-timer", true));
        client.setFollowRedirects(false);
        client.setConnectTimeout(connectTimeout.toMillis());
        // A pooled connection unused this long is closed by us, before Cisco's gateway closes it under a new request.
        client.setIdleTimeout(30_000);
        client.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, UserAgent.VALUE));
        // No cookies kept: a request carries what its caller put on it and nothing an earlier answer set (one client
        // serves every user of a deployment), as with the JDK's client.
        client.setHttpCookieStore(new HttpCookieStore.Empty());
        SystemProxies.apply(client.getProxyConfiguration());
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("could not start the HTTP client for Cisco's APIs", e);
        }
        // Plain answers, as Cisco's recorded answers are: no Accept-Encoding of Jetty's own (the client adds its decoders
        // when it starts with none, so they are removed after).
        client.getContentDecoderFactories().clear();
        // Every 401 and 407 to our own handling (a new token once, then a sentence), as the JDK's client gave them: Jetty's
        // handlers for them would answer a challenge from credentials we never give it, and fail a 401 that names no
        // scheme (WWW-Authenticate), as Cisco's gateway and Smart Bonding's API send, as a protocol violation.
        client.getProtocolHandlers().remove(WWWAuthenticationProtocolHandler.NAME);
        client.getProtocolHandlers().remove(ProxyAuthenticationProtocolHandler.NAME);
        return client;
    }
}
