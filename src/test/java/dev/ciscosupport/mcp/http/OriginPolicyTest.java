package dev.ciscosupport.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OriginPolicyTest {
    private final OriginPolicy development = new OriginPolicy(false, List.of("https://app.example.com"), List.of("mcp.internal"),
            "127.0.0.1");
    private final OriginPolicy production = new OriginPolicy(true, List.of("https://app.example.com", "http://tool.example:8080"),
            List.of(), "127.0.0.1");

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:6274", "http://127.0.0.1:3000", "http://[::1]:8080", "https://localhost",
        "HTTP://LOCALHOST:6274", "https://app.example.com", "https://app.example.com:443"})
    void developmentAllowsLoopbackAndListedOrigins(String origin) {
        assertThat(development.originAllowed(origin)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://evil.example", "http://localhost.evil.example", "http://127.0.0.1.evil.example",
        "http://evil.example/localhost", "null", "", "file://localhost", "http://localhost:6274/path",
        "https://app.example.com.evil.example", "https://app.example.co", "http://user@localhost"})
    void lookAlikesAndNullAreRefused(String origin) {
        assertThat(development.originAllowed(origin)).isFalse();
        assertThat(production.originAllowed(origin)).isFalse();
    }

    @Test
    void productionAllowsOnlyTheListedOriginsExactly() {
        assertThat(production.originAllowed("https://app.example.com")).isTrue();
        assertThat(production.originAllowed("http://tool.example:8080")).isTrue();
        assertThat(production.originAllowed("http://tool.example")).isFalse();
        assertThat(production.originAllowed("http://app.example.com")).isFalse();
        assertThat(production.originAllowed("http://localhost:6274")).isFalse();
    }

    @Test
    void hostsMustNameThisServer() {
        assertThat(development.hostAllowed("localhost:3000")).isTrue();
        assertThat(development.hostAllowed("127.0.0.1")).isTrue();
        assertThat(development.hostAllowed("[::1]:3000")).isTrue();
        assertThat(development.hostAllowed("MCP.internal:3000")).isTrue();
        assertThat(development.hostAllowed("evil.example")).isFalse();
        assertThat(development.hostAllowed("localhost.evil.example:3000")).isFalse();
        assertThat(development.hostAllowed("127.0.0.1.evil.example")).isFalse();
        assertThat(development.hostAllowed("")).isFalse();
        assertThat(development.hostAllowed(null)).isFalse();
        assertThat(new OriginPolicy(false, List.of(), List.of(), "0.0.0.0").hostAllowed("0.0.0.0:3000")).isFalse();
        assertThat(new OriginPolicy(false, List.of(), List.of(), "192.0.2.10").hostAllowed("192.0.2.10:3000")).isTrue();
    }
}
