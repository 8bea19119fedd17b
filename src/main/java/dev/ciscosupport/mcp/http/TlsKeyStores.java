package dev.ciscosupport.mcp.http;

import dev.ciscosupport.mcp.config.HttpSecurity;
import dev.ciscosupport.mcp.config.SettingsException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * The server's TLS key and certificate chain, from a PKCS#12 keystore or from PEM files (certificate
 * chain, and an unencrypted PKCS#8 key as {@code openssl} writes with {@code -nodes} or {@code pkcs8 -nocrypt}).
 */
final class TlsKeyStores {
    /** The password of the in-memory keystore built from PEM files; it never leaves this process. */
    static final char[] PEM_STORE_PASSWORD = "in-memory".toCharArray();

    private TlsKeyStores() {
    }

    static KeyStore load(HttpSecurity security) {
        if (security.tlsKeystore() != null) {
            return pkcs12(security.tlsKeystore(), security.tlsKeystorePassword());
        }
        if (security.tlsKey() == null) {
            throw new SettingsException("MCP_TLS_CERT needs MCP_TLS_KEY (the PEM private key that goes with it).");
        }
        return pem(security.tlsCertificate(), security.tlsKey());
    }

    static char[] password(HttpSecurity security) {
        if (security.tlsKeystore() != null) {
            return security.tlsKeystorePassword() == null ? new char[0] : security.tlsKeystorePassword().toCharArray();
        }
        return PEM_STORE_PASSWORD;
    }

    private static KeyStore pkcs12(Path file, String password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password == null ? new char[0] : password.toCharArray());
            return store;
        } catch (Exception e) {
            throw new SettingsException("MCP_TLS_KEYSTORE: cannot open " + file
                    + " as a PKCS#12 keystore: check the file and MCP_TLS_KEYSTORE_PASSWORD.");
        }
    }

    private static KeyStore pem(Path certificate, Path keyFile) {
        List<? extends Certificate> chain;
        try (InputStream in = Files.newInputStream(certificate)) {
            chain = List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(in));
        } catch (Exception e) {
            throw new SettingsException("MCP_TLS_CERT: cannot read a PEM certificate chain from " + certificate + ".");
        }
        if (chain.isEmpty()) {
            throw new SettingsException("MCP_TLS_CERT: " + certificate + " holds no certificate.");
        }
        PrivateKey key = privateKey(keyFile);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", key, PEM_STORE_PASSWORD, chain.toArray(new Certificate[0]));
            return store;
        } catch (Exception e) {
            throw new SettingsException("MCP_TLS_KEY does not go with the certificate of MCP_TLS_CERT.");
        }
    }

    private static PrivateKey privateKey(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (Exception e) {
            throw new SettingsException("MCP_TLS_KEY: cannot read " + file + ".");
        }
        if (!text.contains("-----BEGIN PRIVATE KEY-----")) {
            throw new SettingsException("MCP_TLS_KEY: " + file + " is not an unencrypted PKCS#8 PEM key; convert it with"
                    + " openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem.");
        }
        String base64 = text.substring(text.indexOf("-----BEGIN PRIVATE KEY-----") + 27, text.indexOf("-----END PRIVATE KEY-----"))
                .replaceAll("\\s", "");
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64));
        for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (Exception e) {
                // try the next algorithm
            }
        }
        throw new SettingsException("MCP_TLS_KEY: " + file + " holds no RSA, EC or Ed25519 key.");
    }
}
