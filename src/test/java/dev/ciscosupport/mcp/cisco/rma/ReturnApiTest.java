package dev.ciscosupport.mcp.cisco.rma;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.cisco.TestCisco;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Cisco's recorded RMA answer, with its misspelled fields, read without losing what we show. */
class ReturnApiTest {
    private static JsonNode example(String name) throws IOException {
        return TestCisco.example("rma/" + name);
    }

    @Test
    void theRecordedRmaReads() throws IOException {
        JsonNode raw = example("rma_numbers.200.json").path("returns").path("RmaRecord").path(0);
        ReturnOrder o = ReturnApi.read(raw);
        assertThat(o.rmaNumber()).isEqualTo(raw.path("rmaNo").asString());
        assertThat(o.status()).isEqualTo(raw.path("status").asString());
        assertThat(o.caseId()).isEqualTo(raw.path("caseId").asString());
        assertThat(o.serviceLevel()).isEqualTo(raw.path("serviceLevel").asString());
        assertThat(o.shipped()).hasSize(raw.path("replacementParts").path("partsLineDetails").size());
        assertThat(o.returned()).hasSize(raw.path("returnLines").path("returnParts").size());
    }

    @Test
    void userListingsRead() throws IOException {
        JsonNode users = example("users.200.synthesized.json").path("OrderList").path("users").path(0).path("returns");
        for (JsonNode raw : users) {
            ReturnOrder o = ReturnApi.read(raw);
            assertThat(o.shipTo()).contains(raw.path("shippingAddress").path("city").asString());
            assertThat(o.orderDate()).isEqualTo(raw.path("orderDate").asString());
        }
    }
}
