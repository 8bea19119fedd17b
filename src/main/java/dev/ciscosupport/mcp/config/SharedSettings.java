package dev.ciscosupport.mcp.config;

/**
 * What replicas behind one load balancer share, and through what (README, "Several replicas").
 *
 * @param redisUrl  {@code REDIS_URL}, or null for one process on its own; may hold a password, so never shown
 * @param keyPrefix {@code REDIS_KEY_PREFIX}: the start of every key this server writes
 * @param replicas  {@code CISCO_QUOTA_REPLICAS}: how many replicas share one Cisco app's quota (each keeps to its share
 *                  of it while Redis cannot be reached)
 */
public record SharedSettings(String redisUrl, String keyPrefix, int replicas) {

    public boolean enabled() {
        return redisUrl != null;
    }

    @Override
    public String toString() {
        return "SharedSettings[redisUrl=" + (redisUrl == null ? "unset" : "(set)") + ", keyPrefix=" + keyPrefix
                + ", replicas=" + replicas + "]";
    }
}
