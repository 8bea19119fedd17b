package dev.ciscosupport.mcp.cisco.software;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.cisco.TestCisco;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Every Software Suggestion example reads without losing the releases, suggestions and images we show. */
class SoftwareApiTest {
    @ParameterizedTest
    @ValueSource(strings = {"software_productIds.200.synthesized.json", "releases_productIds.200.synthesized.json",
        "software_mdfIds.200.synthesized.json", "releases_mdfIds.200.synthesized.json",
        "compatible_productId.200.synthesized.json", "compatible_mdfId.200.synthesized.json",
        "productIds.200.item_error.synthesized.json"})
    void examplesRead(String file) {
        JsonNode body = TestCisco.example("software_suggestion/" + file);
        for (JsonNode item : body.path("productList")) {
            SoftwareProduct p = SoftwareApi.product(item, "x", false);
            // a suggestion that is Cisco's error for the product is the product's error, not a release
            boolean itemError = item.path("suggestions").path(0).path("errorDetailsResponse").isObject();
            assertThat(p.releases()).hasSize(itemError ? 0 : item.path("suggestions").size());
            assertThat(p.found()).isEqualTo(!item.path("errorDetailsResponse").isObject() && !itemError);
            if (itemError) {
                assertThat(p.errorCode()).isEqualTo(item.path("suggestions").path(0).path("errorDetailsResponse")
                        .path("errorCode").asString());
            }
            for (int i = 0; i < p.releases().size(); i++) {
                JsonNode raw = item.path("suggestions").path(i);
                assertThat(p.releases().get(i).release()).isEqualTo(raw.path("releaseFormat1").asString());
                assertThat(p.releases().get(i).suggested()).isEqualTo(raw.path("isSuggested").asString().equals("Y"));
                assertThat(p.releases().get(i).images()).hasSize(raw.path("images").size());
            }
        }
        for (JsonNode raw : body.path("suggestions")) {
            assertThat(SoftwareApi.release(raw).release()).isEqualTo(raw.path("releaseFormat1").asString());
        }
    }
}
