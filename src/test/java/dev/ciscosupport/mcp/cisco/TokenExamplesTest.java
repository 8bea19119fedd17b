package dev.ciscosupport.mcp.cisco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ciscosupport.mcp.cisco.call.CiscoException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The token endpoint answers Cisco has given (id.cisco.com, legacy cloudsso, both error shapes). */
class TokenExamplesTest {
    private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");

    private static String example(String name) {
        return TestCisco.example("oauth/" + name).toString();
    }

    @Test
    void oktaTokensLiveAnHourAndAreRefreshedAfterHalfOfIt() {
        CiscoTokenSource.Token token = CiscoTokenSource.parse(200, example("token.200.synthesized.json"), NOW);
        assertThat(token.value()).isEqualTo(TestCisco.example("oauth/token.200.synthesized.json").path("access_token").asString());
        assertThat(token.expiresAt()).isEqualTo(NOW.plusSeconds(3600));
        assertThat(token.refreshAt()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
    }

    @Test
    void legacyCloudssoTokensRead() {
        CiscoTokenSource.Token token = CiscoTokenSource.parse(200, example("token.legacy_cloudsso.200.json"), NOW);
        assertThat(token.value()).isEqualTo("NZX0LI3UfCHBwJjHKAlpeHlOrz4Z");
        assertThat(token.expiresAt()).isEqualTo(NOW.plusSeconds(3599));
    }

    @Test
    void bothErrorShapesNameTheCodeAndTheVariables() {
        assertThatThrownBy(() -> CiscoTokenSource.parse(401, example("token.401.invalid_client.basic_auth.json"), NOW))
                .isInstanceOf(CiscoException.AuthenticationFailed.class).hasMessageContaining("invalid_client")
                .hasMessageContaining("CISCO_CLIENT_ID");
        assertThatThrownBy(() -> CiscoTokenSource.parse(401, example("token.401.invalid_client.form_post.synthesized.json"), NOW))
                .isInstanceOf(CiscoException.AuthenticationFailed.class).hasMessageContaining("invalid_client");
    }
}
