/**
 * What several replicas of this server behind one load balancer share through Redis ({@code REDIS_URL}): Cisco's quota
 * (every window of it, booked atomically on Redis' clock), answers other than a caller's own cases and RMAs, and the
 * abuse limits. Without Redis, or while it cannot be reached, each process falls back to its own state; nothing here
 * ever stops a call because Redis is down.
 */
package dev.ciscosupport.mcp.cluster;
