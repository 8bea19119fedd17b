package dev.ciscosupport.mcp.server;

import dev.ciscosupport.mcp.cisco.call.CiscoException;
import dev.ciscosupport.mcp.config.SupportApi;
import dev.ciscosupport.mcp.session.ClientNotices;
import dev.ciscosupport.mcp.tools.ApiTools;
import io.modelcontextprotocol.server.McpSyncServer;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Withdraws the tools of a Cisco API the app turns out not to be entitled to, so that clients list only
 * tools that can work: a user of a plain API Console app (PSIRT only) sees PSIRT tools, not dozens of
 * dead ones. Withdrawal sends {@code notifications/tools/list_changed}. It happens when a probe of the
 * API (one cheap call, with a freshly fetched token) is refused with Cisco's gateway 403 Not Authorized:
 * probes run once in the background after start, and again whenever a user's call is refused that way, so
 * that one stray refusal does not take an API away. What the probes find is kept a day ({@link EntitlementMemory}):
 * a start within it withdraws what was refused at once and probes only the APIs it knows nothing of.
 *
 * <p>Nor is a withdrawal for ever: Cisco answers an expired token, a missing header and a passing gateway
 * fault with the same 403, and an operator may enable the API in the console at any time. A withdrawn API is
 * probed again after {@link #FIRST_RECHECK}, then at doubling intervals up to {@link #LAST_RECHECK}; when
 * Cisco answers, its tools, prompts and resources come back (with {@code list_changed}).
 */
public final class Entitlements implements AutoCloseable {
    static final Duration FIRST_RECHECK = Duration.ofMinutes(1);
    static final Duration LAST_RECHECK = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(Entitlements.class);

    /** Runs a probe later; the server's is a daemon thread, a test's runs it when the test says. */
    public interface Rechecks extends AutoCloseable {
        void after(Duration delay, Runnable probe);

        @Override
        default void close() {
        }
    }

    private record Gate(Consumer<McpSyncServer> withdraw, Consumer<McpSyncServer> restore) {
    }

    private final List<ApiTools> apis;
    private final ClientNotices notices;
    private final Rechecks rechecks;
    private final EntitlementMemory memory;
    private final Set<SupportApi> withdrawn = EnumSet.noneOf(SupportApi.class);
    private final Map<SupportApi, List<Gate>> alsoGated = new ConcurrentHashMap<>();
    private volatile McpSyncServer server;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    /** Set when the server stops: a probe cut short then says nothing (the Cisco it talked to may be gone). */
    private volatile boolean closed;

    public Entitlements(List<ApiTools> apis, ClientNotices notices) {
        this(apis, notices, daemonRechecks(), EntitlementMemory.none());
    }

    public Entitlements(List<ApiTools> apis, ClientNotices notices, EntitlementMemory memory) {
        this(apis, notices, daemonRechecks(), memory);
    }

    public Entitlements(List<ApiTools> apis, ClientNotices notices, Rechecks rechecks, EntitlementMemory memory) {
        this.apis = List.copyOf(apis);
        this.notices = notices;
        this.rechecks = rechecks;
        this.memory = memory;
    }

    private static Rechecks daemonRechecks() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "entitlement-recheck");
            t.setDaemon(true);
            return t;
        });
        return new Rechecks() {
            @Override
            public void after(Duration delay, Runnable probe) {
                if (!executor.isShutdown()) {
                    executor.schedule(probe, delay.toMillis(), TimeUnit.MILLISECONDS);
                }
            }

            @Override
            public void close() {
                executor.shutdownNow();
                try {
                    executor.awaitTermination(2, TimeUnit.SECONDS); // a probe in flight ends before the sandbox does
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }

    /** The server whose tools to withdraw; before it is attached, withdrawals are only remembered. */
    void attach(McpSyncServer server) {
        this.server = server;
        Set<SupportApi> already;
        synchronized (withdrawn) {
            already = withdrawn.isEmpty() ? EnumSet.noneOf(SupportApi.class) : EnumSet.copyOf(withdrawn);
        }
        already.forEach(this::removeTools);
    }

    /** Something else to take away with the API's tools (its prompts, resources, templates), and to give back. */
    public void gate(SupportApi api, Consumer<McpSyncServer> withdraw, Consumer<McpSyncServer> restore) {
        alsoGated.computeIfAbsent(api, a -> new CopyOnWriteArrayList<>()).add(new Gate(withdraw, restore));
    }

    /**
     * Told after an API's tools, prompts and resources were withdrawn or came back: the 2026-07-28 server announces it on
     * its subscription streams (the 2025-11-25 server announces its own changes).
     */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /** False for a tool of an API withdrawn now. */
    public boolean offers(String toolName) {
        Set<SupportApi> out = withdrawn();
        return out.isEmpty() || apis.stream().filter(a -> out.contains(a.api())).noneMatch(a -> a.names().contains(toolName));
    }

    /** The APIs withdrawn now. */
    public Set<SupportApi> withdrawn() {
        synchronized (withdrawn) {
            return withdrawn.isEmpty() ? EnumSet.noneOf(SupportApi.class) : EnumSet.copyOf(withdrawn);
        }
    }

    /**
     * Called when Cisco refuses a tool's request with 403 Not Authorized: a hint only (Cisco says the same of an expired
     * token or a passing gateway fault), confirmed by a probe before anything is withdrawn.
     */
    public void notEntitled(SupportApi api) {
        apis.stream().filter(a -> a.api() == api).findFirst().ifPresent(a -> inBackground(List.of(a)));
    }

    /** A probe was refused: the API's tools, prompts and resources go, and it is probed again later. */
    private void withdraw(SupportApi api) {
        synchronized (withdrawn) {
            if (!withdrawn.add(api)) {
                return;
            }
        }
        LOG.warn("The Cisco API app is not entitled to the {}: its tools are withdrawn and the API is checked again in {}"
                + " minute(s). Enable the API for the app in Cisco's API Console, or remove \"{}\" from SUPPORT_API.",
                api.displayName(), FIRST_RECHECK.toMinutes(), api.settingName());
        notices.add("The Cisco API app is not entitled to the " + api.displayName() + ", so its tools, prompts and resources"
                + " were withdrawn. They come back by themselves once Cisco answers for the API again (checked every few"
                + " minutes): enable the API for the app in Cisco's API Console.");
        removeTools(api);
        listeners.forEach(Runnable::run);
        recheckLater(api, FIRST_RECHECK);
    }

    private void recheckLater(SupportApi api, Duration delay) {
        apis.stream().filter(a -> a.api() == api).findFirst()
                .ifPresent(tools -> rechecks.after(delay, () -> recheck(tools, delay)));
    }

    /** Probes a withdrawn API: answered, it comes back; refused or unreachable, it is tried again later. */
    private void recheck(ApiTools tools, Duration delay) {
        try {
            tools.probe().run();
        } catch (CiscoException e) {
            if (closed) {
                return;
            }
            Duration next = delay.multipliedBy(2).compareTo(LAST_RECHECK) > 0 ? LAST_RECHECK : delay.multipliedBy(2);
            LOG.info("The {} is still unavailable to this app ({}); checking again in {} minute(s)",
                    tools.api().displayName(), e.getClass().getSimpleName(), next.toMinutes());
            recheckLater(tools.api(), next);
            return;
        } catch (RuntimeException e) {
            LOG.warn("Entitlement recheck of the {} failed unexpectedly", tools.api().displayName(), e);
            recheckLater(tools.api(), delay);
            return;
        }
        memory.record(tools.api(), true);
        restore(tools);
    }

    private void restore(ApiTools tools) {
        synchronized (withdrawn) {
            if (!withdrawn.remove(tools.api())) {
                return;
            }
        }
        LOG.warn("Cisco answers for the {} again: its tools are back.", tools.api().displayName());
        notices.add("Cisco answers for the " + tools.api().displayName() + " again: its tools, prompts and resources are back.");
        listeners.forEach(Runnable::run);
        McpSyncServer target = server;
        if (target == null) {
            return;
        }
        tools.tools().forEach(tool -> quietly(() -> target.addTool(tool.legacy()), "tool " + tool.name()));
        alsoGated.getOrDefault(tools.api(), List.of()).forEach(g -> quietly(() -> g.restore().accept(target),
                "a prompt or resource of the " + tools.api().displayName()));
    }

    private void removeTools(SupportApi api) {
        McpSyncServer target = server;
        if (target == null) {
            return;
        }
        // the SDK tells clients: notifications/tools/list_changed (and prompts/resources list_changed)
        apis.stream().filter(a -> a.api() == api).flatMap(a -> a.names().stream())
                .forEach(name -> quietly(() -> target.removeTool(name), "tool " + name));
        alsoGated.getOrDefault(api, List.of()).forEach(g -> quietly(() -> g.withdraw().accept(target),
                "a prompt or resource of the " + api.displayName()));
    }

    /** Adding what is there or removing what is gone is not worth more than a debug line. */
    private static void quietly(Runnable change, String what) {
        try {
            change.run();
        } catch (RuntimeException e) {
            LOG.debug("{} was already as wanted", what);
        }
    }

    /**
     * The start-up check: withdraws the APIs a check within the last day found refused, and probes, on a background
     * thread, those no such check covered. A start within a day of the last full check asks Cisco nothing.
     */
    public void checkInBackground() {
        Map<SupportApi, Boolean> known = memory.fresh();
        List<ApiTools> unknown = apis.stream().filter(a -> !known.containsKey(a.api())).toList();
        apis.stream().filter(a -> Boolean.FALSE.equals(known.get(a.api()))).forEach(a -> withdraw(a.api()));
        if (!unknown.isEmpty()) {
            inBackground(unknown);
        }
    }

    /** On the recheck thread, so that stopping the server stops the probes too (they must not outlive the sandbox). */
    private void inBackground(List<ApiTools> toProbe) {
        rechecks.after(Duration.ZERO, () -> {
            for (ApiTools api : toProbe) {
                try {
                    api.probe().run();
                    memory.record(api.api(), true);
                } catch (CiscoException.NotEntitled e) {
                    if (!closed) {
                        memory.record(api.api(), false);
                        withdraw(api.api()); // confirmed with a fresh token: the app is not entitled
                    }
                } catch (CiscoException e) {
                    if (!closed) {
                        LOG.info("Entitlement check of the {} was inconclusive: {}", api.api().displayName(),
                                e.getMessage());
                    }
                } catch (RuntimeException e) {
                    if (!closed) {
                        LOG.warn("Entitlement check of the {} failed unexpectedly", api.api().displayName(), e);
                    }
                }
                if (closed) {
                    return;
                }
            }
        });
    }

    /** Stops the checks and rechecks (the server is stopping). */
    @Override
    public void close() {
        closed = true;
        try {
            rechecks.close();
        } catch (Exception e) {
            LOG.debug("Stopping the entitlement rechecks failed", e);
        }
    }
}
