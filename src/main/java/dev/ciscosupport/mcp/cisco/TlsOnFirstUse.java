package dev.ciscosupport.mcp.cisco;

import javax.net.ssl.SSLEngine;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * Jetty's client-side TLS, set up when the first TLS connection needs it rather than when the client starts: the JDK's
 * trust store read and parsed and its TLS provider loaded cost ~100-150 ms of CPU, which a server whose Cisco is the
 * sandbox (plain HTTP on loopback) never needs. The same checks as Jetty's default for a client: the JVM's certificate
 * authorities, and the host name checked against the certificate. {@link #ready()} sets it up ahead of time.
 */
final class TlsOnFirstUse extends SslContextFactory.Client {
    TlsOnFirstUse() {
        super(false);
        setEndpointIdentificationAlgorithm("HTTPS");
    }

    /** Sets TLS up now if it is not yet (thread-safe; once). */
    synchronized void ready() {
        if (!isStarted()) {
            try {
                start();
            } catch (Exception e) {
                throw new IllegalStateException("could not set up TLS for Cisco's APIs: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public SSLEngine newSSLEngine() {
        ready();
        return super.newSSLEngine();
    }

    @Override
    public SSLEngine newSSLEngine(String host, int port) {
        ready();
        return super.newSSLEngine(host, port);
    }
}
