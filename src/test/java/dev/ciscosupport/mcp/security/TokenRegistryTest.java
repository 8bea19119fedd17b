package dev.ciscosupport.mcp.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenRegistryTest {
    private final TokenRegistry tokens = TokenRegistry.of(List.of("correct-token-value", "second-token-value"));

    @Test
    void onlyExactTokensPassAndTheirLabelIsNotTheToken() {
        assertThat(tokens.check("correct-token-value")).hasValueSatisfying(label ->
                assertThat(label).matches("token:[0-9a-f]{8}").doesNotContain("correct"));
        assertThat(tokens.check("second-token-value")).isPresent();
        assertThat(tokens.check("correct-token-valuE")).isEmpty();
        assertThat(tokens.check("correct-token-value ")).isEmpty();
        assertThat(tokens.check("")).isEmpty();
        assertThat(tokens.check(null)).isEmpty();
        assertThat(tokens.check("\u00e4".repeat(10))).isEmpty();
        assertThat(tokens.check("x".repeat(1_000_000))).isEmpty();
    }

    @Test
    void theTokenFileHoldsClearAndHashedTokensWithLabels() {
        String hash = HexFormat.of().formatHex(AcceptedToken.sha256("hashed-token-value-123"));
        List<AcceptedToken> parsed = TokenFile.parse("""
                # comment
                clear-token-value-1234   ci-runner

                sha256:%s alice laptop
                unlabelled-token-value-5678
                """.formatted(hash));
        assertThat(parsed).extracting(AcceptedToken::label).containsExactly("ci-runner", "alice laptop",
                AcceptedToken.shortLabel(AcceptedToken.sha256("unlabelled-token-value-5678")));
        TokenRegistry registry = TokenRegistry.of(List.of());
        registry.replaceFileTokens(parsed);
        assertThat(registry.check("hashed-token-value-123")).contains("alice laptop");
        assertThat(registry.check("clear-token-value-1234")).contains("ci-runner");
        assertThat(registry.check(hash)).isEmpty(); // the digest itself is not a token
        registry.replaceFileTokens(List.of());
        assertThat(registry.check("clear-token-value-1234")).isEmpty();
    }

    @Test
    void aBadLineIsNamedByNumberWithoutItsContent() {
        assertThatThrownBy(() -> TokenFile.parse("good-token-value-1234\nshort\n"))
                .hasMessage("line 2: a token must have 16 to 4096 characters (use --generate-token)");
        assertThatThrownBy(() -> TokenFile.parse("sha256:abc secret-label"))
                .hasMessage("line 1: sha256: must be followed by 64 hex digits");
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
