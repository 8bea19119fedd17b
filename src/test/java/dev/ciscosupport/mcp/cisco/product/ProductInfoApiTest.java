package dev.ciscosupport.mcp.cisco.product;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.cisco.TestCisco;
import dev.ciscosupport.mcp.cisco.product.ProductInfoApi.Lookup;
import dev.ciscosupport.mcp.sandbox.SandboxServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class ProductInfoApiTest {
    private TestCisco cisco;
    private SandboxServer sandbox;
    private ProductInfoApi api;

    @BeforeEach
    void start() {
        cisco = TestCisco.start();
        sandbox = cisco.sandbox;
        api = new ProductInfoApi(cisco.gateway);
    }

    @AfterEach
    void stop() {
        cisco.close();
    }

    @ParameterizedTest
    @CsvSource({"serial_numbers.200.synthesized.json,BY_SERIAL", "product_ids.200.synthesized.json,BY_PRODUCT_ID",
        "product_ids_mdf.200.synthesized.json,MDF_BY_PRODUCT_ID", "serial_numbers.200.item_error.synthesized.json,BY_SERIAL"})
    void everyExampleReadsWithTheFieldsCiscoSends(String file, Lookup lookup) {
        JsonNode body = TestCisco.example("product_info/" + file);
        for (JsonNode raw : body.path("product_list")) {
            ProductInfo info = ProductInfoApi.info(raw, lookup);
            assertThat(info.found()).isEqualTo(!raw.has("ErrorResponse"));
            assertThat(info.name()).isEqualTo(raw.path("product_name").asString(""));
            assertThat(info.series()).isEqualTo(raw.path("product_series").asString(""));
            assertThat(info.nameMdf()).isEqualTo(raw.path("product_name_mdf").asString(""));
            if (raw.has("dimensions")) {
                assertThat(info.dimensions()).contains(raw.path("dimensions").path("dimensions_value").asString());
            }
        }
    }

    @Test
    void twelveSerialsTakeThreeCallsAndKeepTheirOrder() {
        List<String> serials = new ArrayList<>(sandbox.serialNumbers().keySet()).subList(100, 112);
        ProductInfoApi.Answers answers = api.lookup(Lookup.BY_SERIAL, serials);
        assertThat(answers.ciscoCalls()).isEqualTo(3);
        assertThat(answers.items()).extracting(ProductInfo::input).containsExactlyElementsOf(serials);
        for (int i = 0; i < serials.size(); i++) {
            assertThat(answers.items().get(i).productId()).isEqualTo(sandbox.serialNumbers().get(serials.get(i)));
        }
    }
}
