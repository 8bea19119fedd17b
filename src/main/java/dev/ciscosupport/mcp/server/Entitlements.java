package dev.ciscosupport.mcp.server;

import dev.ciscosupport.mcp.cisco.CiscoException;
import dev.ciscosupport.mcp.config.SupportApi;
import dev.ciscosupport.mcp.tools.ApiTools;
import dev.ciscosupport.mcp.tools.ClientNotices;
import io.modelcontextprotocol.server.McpSyncServer;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Withdraws the tools of a Cisco API the app turns out not to be entitled to, so that clients list only
 * tools that can work: a user of a plain API Console app (PSIRT only) sees PSIRT tools, not dozens of
 * dead ones. Withdrawal sends {@code notifications/tools/list_changed}. It happens when a probe of the
 * API (one cheap call) is refused with Cisco's gateway 403 Not Authorized: probes run once in the
 * background after start, and again whenever a user's call is refused that way, so that one stray
 * refusal does not take an API away.
 */
public final class Entitlements {
    private static final Logger LOG = LoggerFactory.getLogger(Entitlements.class);
    private final List<ApiTools> apis;
    private final Set<SupportApi> withdrawn = EnumSet.noneOf(SupportApi.class);
    private volatile McpSyncServer server;
    private final java.util.Map<SupportApi, List<java.util.function.Consumer<McpSyncServer>>> alsoWithdrawn =
            new java.util.concurrent.ConcurrentHashMap<>();
    /** True on the thread of a probe: a refusal there is confirmed, not a hint to confirm. */
    private static final ThreadLocal<Boolean> PROBING = ThreadLocal.withInitial(() -> false);

    private final ClientNotices notices;

    public Entitlements(List<ApiTools> apis, ClientNotices notices) {
        this.apis = List.copyOf(apis);
        this.notices = notices;
    }

    /** The server whose tools to withdraw; before it is attached, withdrawals are only remembered. */
    void attach(McpSyncServer server) {
        this.server = server;
        Set<SupportApi> already;
        synchronized (withdrawn) {
            already = EnumSet.copyOf(withdrawn.isEmpty() ? EnumSet.noneOf(SupportApi.class) : withdrawn);
        }
        already.forEach(this::removeTools);
    }

    /** Something else to take away with the API's tools (its prompts, resources, templates). */
    public void withdrawAlso(SupportApi api, java.util.function.Consumer<McpSyncServer> withdrawal) {
        alsoWithdrawn.computeIfAbsent(api, a -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(withdrawal);
    }

    /** Called when Cisco refuses an API with 403 Not Authorized: confirmed by a probe before anything is withdrawn. */
    public void notEntitled(SupportApi api) {
        if (!PROBING.get()) {
            apis.stream().filter(a -> a.api() == api).findFirst().ifPresent(a -> inBackground(List.of(a)));
            return;
        }
        synchronized (withdrawn) {
            if (!withdrawn.add(api)) {
                return;
            }
        }
        LOG.warn("The Cisco API app is not entitled to the {}: its tools are withdrawn. Enable the API for the app in"
                + " Cisco's API Console (then restart), or remove \"{}\" from SUPPORT_API.", api.displayName(), api.settingName());
        notices.add("The Cisco API app is not entitled to the " + api.displayName() + ", so its tools, prompts and resources"
                + " were withdrawn. Enable the API for the app in Cisco's API Console and restart the server to get them back.");
        removeTools(api);
    }

    private void removeTools(SupportApi api) {
        McpSyncServer target = server;
        if (target == null) {
            return;
        }
        apis.stream().filter(a -> a.api() == api).flatMap(a -> a.names().stream()).forEach(name -> {
            try {
                target.removeTool(name); // the SDK tells clients: notifications/tools/list_changed
            } catch (RuntimeException e) {
                LOG.debug("Tool {} was already gone", name);
            }
        });
        alsoWithdrawn.getOrDefault(api, List.of()).forEach(withdrawal -> {
            try {
                withdrawal.accept(target); // prompts and resources: the SDK sends their list_changed
            } catch (RuntimeException e) {
                LOG.debug("A prompt or resource of the {} was already gone", api.displayName());
            }
        });
    }

    /** Probes every enabled API once, on a background thread. */
    public void checkInBackground() {
        inBackground(apis);
    }

    private void inBackground(List<ApiTools> toProbe) {
        Thread check = new Thread(() -> {
            PROBING.set(true);
            for (ApiTools api : toProbe) {
                try {
                    api.probe().run();
                } catch (CiscoException.NotEntitled e) {
                    // the gateway has already reported it through notEntitled
                } catch (CiscoException e) {
                    LOG.info("Entitlement check of the {} was inconclusive: {}", api.api().displayName(), e.getMessage());
                } catch (RuntimeException e) {
                    LOG.warn("Entitlement check of the {} failed unexpectedly", api.api().displayName(), e);
                }
            }
        }, "entitlement-check");
        check.setDaemon(true);
        check.start();
    }
}
