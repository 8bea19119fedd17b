package dev.ciscosupport.mcp.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {
    private final Map<String, String> env = new HashMap<>();
    private final Map<String, String> dotEnv = new HashMap<>();

    private Settings load(CliOptions cli) {
        return new SettingsLoader(env::get, dotEnv).load(cli);
    }

    private Settings load() {
        return load(CliOptions.NONE);
    }

    @Test
    void defaults() {
        Settings s = load();
        assertThat(s.http()).isFalse();
        assertThat(s.host()).isEqualTo("127.0.0.1");
        assertThat(s.port()).isEqualTo(3000);
        assertThat(s.supportApis()).isEqualTo(SupportApi.all());
        assertThat(s.ciscoApiBaseUrl()).isEqualTo(URI.create("https://apix.cisco.com"));
        assertThat(s.ciscoTokenUrl()).isEqualTo(URI.create("https://id.cisco.com/oauth2/default/v1/token"));
        assertThat(s.nodeEnv()).isEqualTo("development");
        assertThat(s.omitAuth()).isFalse();
        assertThat(s.missingCredentials()).contains("CISCO_CLIENT_ID and CISCO_CLIENT_SECRET");
    }

    @Test
    void commandLineBeatsEnvironmentBeatsDotEnv() {
        dotEnv.put("PORT", "4000");
        dotEnv.put("HOST", "127.0.0.2");
        dotEnv.put("CISCO_CLIENT_ID", "from-dotenv");
        env.put("PORT", "5000");
        env.put("CISCO_CLIENT_ID", "from-env");
        Settings fromEnv = load();
        assertThat(fromEnv.port()).isEqualTo(5000);
        assertThat(fromEnv.host()).isEqualTo("127.0.0.2");
        assertThat(fromEnv.ciscoClientId()).isEqualTo("from-env");
        Settings fromCli = load(new CliOptions(true, "::1", 6000, true));
        assertThat(fromCli.port()).isEqualTo(6000);
        assertThat(fromCli.host()).isEqualTo("::1");
        assertThat(fromCli.http()).isTrue();
        assertThat(fromCli.sandbox()).isTrue();
    }

    @Test
    void emptyValuesCountAsUnset() {
        env.put("MCP_BEARER_TOKEN", "   ");
        env.put("CISCO_CLIENT_ID", "");
        dotEnv.put("CISCO_CLIENT_ID", "from-dotenv");
        env.put("PORT", "");
        Settings s = load();
        assertThat(s.security().bearerTokens()).isEmpty();
        assertThat(s.ciscoClientId()).isEqualTo("from-dotenv");
        assertThat(s.port()).isEqualTo(3000);
    }

    @Test
    void upstreamDefaultsFollowCiscosDocumentedLimits() {
        Upstream u = load().upstream();
        assertThat(u.quota(SupportApi.PSIRT)).hasToString("5/s,30/min,5000/day");
        assertThat(u.quota(SupportApi.BUG)).hasToString("5/s,5000/day");
        assertThat(u.cacheTtl(SupportApi.EOX)).isEqualTo(Duration.ofHours(24));
        assertThat(u.cacheTtl(SupportApi.CASE)).isEqualTo(Duration.ofMinutes(2));
        assertThat(u.retries()).isEqualTo(2);
        assertThat(load().shutdownGrace()).isEqualTo(Duration.ofSeconds(20));
        assertThat(load().conformanceFixtures()).as("test fixtures are off unless asked for").isFalse();
    }

    @Test
    void oneQuotaForEveryApiAndOverridesPerApi() {
        env.put("CISCO_QUOTA", "2/s");
        env.put("CISCO_QUOTA_EOX", "10/s, 10000/day");
        env.put("CISCO_CACHE_MB", "0");
        Upstream u = load().upstream();
        assertThat(u.quota(SupportApi.PSIRT)).hasToString("2/s");
        assertThat(u.quota(SupportApi.EOX)).hasToString("10/s,10000/day");
        assertThat(u.cacheTtl(SupportApi.EOX)).as("no cache at all").isZero();
    }

    @Test
    void supportApiTakesListsAndAll() {
        env.put("SUPPORT_API", " bug , EOX,psirt ");
        assertThat(load().supportApis()).containsExactlyInAnyOrder(SupportApi.BUG, SupportApi.EOX, SupportApi.PSIRT);
        env.put("SUPPORT_API", "all");
        assertThat(load().supportApis()).isEqualTo(SupportApi.all());
    }

    /** The TypeScript server's values: each means here what it meant there (issue 11: a drop-in for its users). */
    @Test
    void theTypeScriptServersValuesAreAccepted() {
        env.put("SUPPORT_API", "all,sampling");
        assertThat(load().tools()).isEqualTo(ToolSelection.everything());
        env.put("SUPPORT_API", "enhanced_analysis");
        ToolSelection analysis = load().tools();
        assertThat(analysis.apis()).containsExactly(SupportApi.BUG);
        assertThat(analysis.bugTools()).containsExactly(ToolSelection.BugTools.ANALYSIS);
        assertThat(analysis.promptApis()).isEmpty();
        env.put("SUPPORT_API", "psirt,sampling,smart_bonding");
        ToolSelection sampling = load().tools();
        assertThat(sampling.apis()).containsExactlyInAnyOrder(SupportApi.PSIRT, SupportApi.BUG, SupportApi.SMART_BONDING);
        assertThat(sampling.bugTools()).containsExactly(ToolSelection.BugTools.SAMPLING);
        env.put("SUPPORT_API", "smart_bonding");
        assertThat(load().tools().apis()).containsExactly(SupportApi.SMART_BONDING);
        env.put("SUPPORT_API", "all");
        assertThat(load().tools().apis()).as("all, as on the TypeScript server, leaves Smart Bonding out")
                .doesNotContain(SupportApi.SMART_BONDING).hasSize(8);
        env.put("SUPPORT_API", "all,smart_bonding");
        assertThat(load().tools().apis()).hasSize(9);
    }

    /** The revisions spoken, and the request-state key: long enough, and never shown. */
    @Test
    void protocolRevisionsAndTheRequestStateKey() {
        assertThat(load().revisions()).isEqualTo(ProtocolRevisions.BOTH);
        env.put("MCP_PROTOCOL_REVISIONS", "2025-11-25");
        assertThat(load().revisions()).isEqualTo(ProtocolRevisions.LEGACY_ONLY);
        env.put("MCP_PROTOCOL_REVISIONS", "2026-07-28");
        assertThat(load().revisions().legacy()).isFalse();
        env.put("MCP_PROTOCOL_REVISIONS", "2026");
        assertThatThrownBy(SettingsLoaderTest.this::load).hasMessageStartingWith("MCP_PROTOCOL_REVISIONS must be one of");
        env.put("MCP_PROTOCOL_REVISIONS", "both");
        env.put("MCP_REQUEST_STATE_KEY", "short-secret");
        assertThatThrownBy(SettingsLoaderTest.this::load).hasMessage("MCP_REQUEST_STATE_KEY must be at least 32 characters"
                + " (it has 12); generate one with --generate-token.");
        String key = "a-shared-key-of-32-characters-at-least";
        env.put("MCP_REQUEST_STATE_KEY", key);
        assertThat(load().revisions().requestStateKey()).isEqualTo(key);
        assertThat(load().toString()).doesNotContain(key);
        assertThat(load().revisions().toString()).doesNotContain(key).contains("requestStateKey=(set)");
    }

    /** MCP_TOOLSETS (or --toolsets) chooses what is listed; a wrong name is one clear line, like every setting. */
    @Test
    void toolsetsAreChosenByNameAndAWrongOneIsRefused() {
        assertThat(load().tools().toolsets()).isEqualTo(EnumSet.allOf(Toolset.class));
        env.put("MCP_TOOLSETS", " core, RMA ");
        assertThat(load().tools().toolsets()).containsExactlyInAnyOrder(Toolset.CORE, Toolset.RMA);
        assertThat(load(new CliOptions(null, null, null, null, "psirt", null)).tools().toolsets()).containsExactly(Toolset.PSIRT);
        env.remove("MCP_TOOLSETS");
        env.put("MCP_DYNAMIC_TOOLSETS", "true");
        ToolSelection dynamic = load().tools();
        assertThat(dynamic.dynamic()).isTrue();
        assertThat(dynamic.toolsets()).as("a dynamic session starts with the core lookups").containsExactly(Toolset.CORE);
        assertThat(dynamic.offered().toolsets()).isEqualTo(EnumSet.allOf(Toolset.class));
        assertThat(load(new CliOptions(null, null, null, null, "case", false)).tools().dynamic()).isFalse();
        env.remove("MCP_DYNAMIC_TOOLSETS");
        env.put("MCP_TOOLSETS", "default");
        assertThat(load().tools().toolsets()).isEqualTo(EnumSet.allOf(Toolset.class));
        env.put("MCP_TOOLSETS", "core,bugs");
        assertThatThrownBy(SettingsLoaderTest.this::load).hasMessage("MCP_TOOLSETS: unknown toolset \"bugs\"; use a comma list of"
                + " core, bug, analysis, sampling, psirt, eox, fleet, product, serial, software, case, rma, smart_bonding, or all.");
        env.put("MCP_TOOLSETS", "rma");
        env.put("SUPPORT_API", "bug");
        assertThatThrownBy(SettingsLoaderTest.this::load).hasMessageStartingWith("MCP_TOOLSETS lists none of the tools"
                + " SUPPORT_API selects; add bug or core");
    }

    @Test
    void aSecurityLogFileIsOneThisServerCanWrite(@TempDir Path dir) throws Exception {
        env.put("MCP_SECURITY_LOG_FILE", dir.resolve("security.log").toString());
        assertThat(load().security().securityLogFile()).as("a new file in a folder that exists")
                .isEqualTo(dir.resolve("security.log"));
        Files.writeString(dir.resolve("kept.log"), "earlier lines\n");
        env.put("MCP_SECURITY_LOG_FILE", dir.resolve("kept.log").toString());
        assertThat(load().security().securityLogFile()).as("a file that exists").isEqualTo(dir.resolve("kept.log"));

        for (Path unwritable : List.of(dir.resolve("no-such-folder").resolve("security.log"), dir)) {
            env.put("MCP_SECURITY_LOG_FILE", unwritable.toString());
            assertThatThrownBy(SettingsLoaderTest.this::load).as("%s", unwritable).hasMessage("MCP_SECURITY_LOG_FILE must be"
                    + " a file this server can append to, or create in a folder that exists and that it can write (got \""
                    + unwritable + "\").");
        }
    }

    @Test
    void secretsNeverAppearInToString() {
        env.put("CISCO_CLIENT_ID", "client-id-value");
        env.put("CISCO_CLIENT_SECRET", "client-secret-value");
        env.put("MCP_BEARER_TOKEN", "bearer-token-value");
        env.put("MCP_TLS_KEYSTORE_PASSWORD", "keystore-password-value");
        String text = load().toString();
        assertThat(text).doesNotContain("client-id-value", "client-secret-value", "bearer-token-value", "keystore-password-value").contains("(set)");
    }

    @Test
    void urlsLoseATrailingSlash() {
        env.put("CISCO_API_BASE_URL", "http://127.0.0.1:8089/");
        assertThat(load().ciscoApiBaseUrl()).isEqualTo(URI.create("http://127.0.0.1:8089"));
    }

    @Nested
    class BadValuesStopTheStartWithOneLineNamingTheVariable {
        @Test
        void portNotANumber() {
            env.put("PORT", "abc");
            assertThatThrownBy(SettingsLoaderTest.this::load).isInstanceOf(SettingsException.class)
                    .hasMessage("PORT must be a whole number from 0 to 65535 (got \"abc\").");
        }

        @Test
        void portOutOfRange() {
            env.put("PORT", "70000");
            assertThatThrownBy(SettingsLoaderTest.this::load).hasMessageStartingWith("PORT must be a whole number from 0 to 65535");
        }

        @Test
        void unknownApi() {
            env.put("SUPPORT_API", "bug,bugs");
            assertThatThrownBy(SettingsLoaderTest.this::load).isInstanceOf(SettingsException.class)
                    .hasMessage("SUPPORT_API: unknown API \"bugs\"; use a comma list of bug, case, eox, psirt, product,"
                            + " serial, rma, software, smart_bonding, enhanced_analysis, sampling, or all.");
        }

        @Test
        void noApiAtAll() {
            env.put("SUPPORT_API", ",,");
            assertThatThrownBy(SettingsLoaderTest.this::load).hasMessageStartingWith("SUPPORT_API names no API");
        }

        @Test
        void malformedUrl() {
            env.put("CISCO_API_BASE_URL", "apix.cisco.com");
            assertThatThrownBy(SettingsLoaderTest.this::load).isInstanceOf(SettingsException.class)
                    .hasMessage("CISCO_API_BASE_URL must be an http or https URL such as https://apix.cisco.com"
                            + " (got \"apix.cisco.com\").");
            env.put("CISCO_TOKEN_URL", "ftp://id.cisco.com/token");
            env.remove("CISCO_API_BASE_URL");
            assertThatThrownBy(SettingsLoaderTest.this::load).hasMessageStartingWith("CISCO_TOKEN_URL must be an http or https URL");
        }

        @Test
        void urlWithCredentialsIsNotEchoed() {
            env.put("CISCO_TOKEN_URL", "https://user:hunter2@id.cisco.com/token");
            assertThatThrownBy(SettingsLoaderTest.this::load).hasMessageNotContaining("hunter2")
                    .hasMessageContaining("CISCO_TOKEN_URL");
        }

        @Test
        void omitAuthNotABoolean() {
            env.put("DANGEROUSLY_OMIT_AUTH", "maybe");
            assertThatThrownBy(SettingsLoaderTest.this::load)
                    .hasMessage("DANGEROUSLY_OMIT_AUTH must be true or false (got \"maybe\").");
        }

        @Test
        void nodeEnvTypo() {
            env.put("NODE_ENV", "prod");
            assertThatThrownBy(SettingsLoaderTest.this::load)
                    .hasMessage("NODE_ENV must be one of development, production, test (got \"prod\").");
        }

        @Test
        void nonPrintableInputIsShownSafely() {
            env.put("PORT", "12\n34");
            assertThatThrownBy(SettingsLoaderTest.this::load).hasMessage("PORT must be a whole number from 0 to 65535 (got \"12?34\").");
        }

        @Test
        void quotaWithAnUnknownUnit() {
            env.put("CISCO_QUOTA_PSIRT", "5/s,100/week");
            assertThatThrownBy(SettingsLoaderTest.this::load).isInstanceOf(SettingsException.class)
                    .hasMessage("CISCO_QUOTA_PSIRT: \"100/week\" is not a limit; write calls per unit (s, min, h or day),"
                            + " for example 5/s,30/min,5000/day.");
        }

        @Test
        void quotaThatIsNotANumber() {
            env.put("CISCO_QUOTA", "lots/s");
            assertThatThrownBy(SettingsLoaderTest.this::load).hasMessageStartingWith("CISCO_QUOTA: \"lots/s\" is not a limit");
        }

        @Test
        void quotaOfZero() {
            env.put("CISCO_QUOTA_BUG", "0/s");
            assertThatThrownBy(SettingsLoaderTest.this::load)
                    .hasMessage("CISCO_QUOTA_BUG: \"0/s\": the count must be from 1 to 1000000.");
        }

        @Test
        void tooManyRetries() {
            env.put("CISCO_RETRIES", "9");
            assertThatThrownBy(SettingsLoaderTest.this::load).hasMessage("CISCO_RETRIES must be a whole number from 0 to 5 (got \"9\").");
        }

        @Test
        void negativeCacheTtl() {
            env.put("CISCO_CACHE_TTL_EOX", "-5");
            assertThatThrownBy(SettingsLoaderTest.this::load)
                    .hasMessage("CISCO_CACHE_TTL_EOX must be a whole number from 0 to 604800 (got \"-5\").");
        }

        @Test
        void conformanceFixturesNeverInProduction() {
            env.put("MCP_CONFORMANCE_FIXTURES", "true");
            env.put("NODE_ENV", "production");
            assertThatThrownBy(SettingsLoaderTest.this::load).hasMessage("MCP_CONFORMANCE_FIXTURES=true is for the conformance"
                    + " test run only and is refused when NODE_ENV=production.");
        }
    }

    @Test
    void aWholeNumberSettingRefusesAFractionInsteadOfCuttingIt() {
        env.put("CISCO_RETRIES", "1.9");
        assertThatThrownBy(this::load).isInstanceOf(SettingsException.class)
                .hasMessage("CISCO_RETRIES must be a whole number from 0 to 5 (got \"1.9\").");
        env.put("CISCO_RETRIES", " 3 ");
        assertThat(load().upstream().retries()).isEqualTo(3);
    }

    @Test
    void signInWithTheIdentityProviderNeedsAnIssuerItCanTrust() {
        assertThat(load().oauth().mode()).isEqualTo(OAuthSettings.Mode.BEARER);
        env.put("MCP_AUTH", "oauth");
        assertThatThrownBy(this::load).hasMessageStartingWith("MCP_AUTH=oauth needs MCP_OAUTH_ISSUER");
        env.put("MCP_OAUTH_ISSUER", "http://login.example.com/realms/network");
        assertThatThrownBy(this::load).as("plain http off this machine")
                .hasMessageStartingWith("MCP_OAUTH_ISSUER must list issuer URLs");
        // Kept exactly as the tokens' iss spells it, a trailing slash included (Auth0's issuers have one).
        env.put("MCP_OAUTH_ISSUER", "https://tenant.example.auth0.com/, http://127.0.0.1:8080/realms/test");
        OAuthSettings oauth = load().oauth();
        assertThat(oauth.issuers()).extracting(Object::toString)
                .containsExactly("https://tenant.example.auth0.com/", "http://127.0.0.1:8080/realms/test");
        assertThat(oauth.sharedTokens()).isFalse();
        assertThat(oauth.clockSkew()).hasSeconds(30);
        env.put("MCP_OAUTH_CLIENT_SECRET", "introspection-secret-0123");
        assertThatThrownBy(this::load).hasMessageStartingWith("MCP_OAUTH_CLIENT_ID and MCP_OAUTH_CLIENT_SECRET go together");
        env.put("MCP_OAUTH_CLIENT_ID", "mcp-server");
        assertThat(load().oauth().introspection()).isTrue();
        assertThat(load().toString()).doesNotContain("introspection-secret");
        env.put("AUTH_TYPE", "oauth2.1");
        assertThatThrownBy(this::load).as("the TypeScript server's own authorization server")
                .hasMessageStartingWith("AUTH_TYPE=oauth2.1 (the TypeScript server's own sign-in page) is not offered")
                .hasMessageContaining("MCP_AUTH=oauth");
        env.put("AUTH_TYPE", "bearer");
        assertThat(load().oauth().oauth()).isTrue();
    }
}
