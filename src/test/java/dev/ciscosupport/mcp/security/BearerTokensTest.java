package dev.ciscosupport.mcp.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BearerTokensTest {
    private final BearerTokens tokens = new BearerTokens("correct-token-value");

    @Test
    void onlyTheExactTokenPassesAndItsLabelIsNotTheToken() {
        assertThat(tokens.check("correct-token-value")).hasValueSatisfying(label ->
                assertThat(label).startsWith("token:").doesNotContain("correct"));
        assertThat(tokens.check("correct-token-valuE")).isEmpty();
        assertThat(tokens.check("correct-token-value ")).isEmpty();
        assertThat(tokens.check("")).isEmpty();
        assertThat(tokens.check(null)).isEmpty();
        assertThat(tokens.check("ä".repeat(10))).isEmpty();
        assertThat(tokens.check("x".repeat(1_000_000))).isEmpty();
    }

    @Test
    void generatedTokensAre32LettersAndDigitsAndDiffer() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String token = TokenGenerator.generate();
            assertThat(token).hasSize(32).matches("[A-Za-z0-9]{32}");
            seen.add(token);
        }
        assertThat(seen).hasSize(100);
    }
}
