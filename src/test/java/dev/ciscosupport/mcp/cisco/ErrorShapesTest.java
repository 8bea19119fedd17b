package dev.ciscosupport.mcp.cisco;

import dev.ciscosupport.mcp.cisco.call.CallContext;
import dev.ciscosupport.mcp.cisco.call.CiscoException;
import dev.ciscosupport.mcp.config.SupportApi;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each API's own error body, as the sandbox sends it for requests our own checks would never let through,
 * becomes one sentence with Cisco's code: ErrorResponse (SN2INFO, Product Info, Case), errorDetailsResponse
 * (Software Suggestion), errorCode/errorMessage (PSIRT).
 */
class ErrorShapesTest {
    private static TestCisco cisco;
    private static CiscoGateway gateway;

    @BeforeAll
    static void start() {
        cisco = TestCisco.start();
        gateway = cisco.gateway;
    }

    @AfterAll
    static void stop() {
        cisco.close();
    }

    private static String many(int n) {
        return IntStream.range(0, n).mapToObj(i -> "FOC" + (1000 + i)).collect(Collectors.joining(","));
    }

    @Test
    void serialNumberToInformation() {
        assertThatThrownBy(() -> gateway.get(CallContext.background(), SupportApi.SERIAL, "/sn2info/v2/coverage/status/serial_numbers/" + many(76), Map.of()))
                .isInstanceOf(CiscoException.Rejected.class)
                .hasMessage("Cisco's Serial Number to Information API rejected the request: EXCEEDED_INPUTS (Number of inputs"
                        + " exceeded the maximum of 75).");
    }

    @Test
    void productInformation() {
        assertThatThrownBy(() -> gateway.get(CallContext.background(), SupportApi.PRODUCT, "/product/v1/information/product_ids/" + many(6), Map.of()))
                .isInstanceOf(CiscoException.Rejected.class).hasMessageContaining("EXCEEDED_INPUTS");
    }

    @Test
    void softwareSuggestion() {
        assertThatThrownBy(() -> gateway.get(CallContext.background(), SupportApi.SOFTWARE,
                "/software/suggestion/v2/suggestions/releases/productIds/C9300-24T", Map.of("bogus", "1")))
                .isInstanceOf(CiscoException.Rejected.class)
                .hasMessageContaining("S3_INV_QUERY_PARAM (Invalid query parameter: invalidQueryParam)");
    }

    @Test
    void caseApi() {
        assertThatThrownBy(() -> gateway.get(CallContext.background(), SupportApi.CASE, "/case/v3/cases/users/user_ids/jdoe",
                Map.of("date_created_from", "2024-01-01T00:00:00Z", "date_created_to", "2024-12-01T00:00:00Z")))
                .isInstanceOf(CiscoException.Rejected.class).hasMessageContaining("INVALID_DATERANGE");
    }

    @Test
    void psirt() {
        assertThatThrownBy(() -> gateway.get(CallContext.background(), SupportApi.PSIRT, "/security/advisories/v2/severity/urgent", Map.of()))
                .isInstanceOf(CiscoException.Rejected.class).hasMessageContaining("INVALID_SEVERITY");
    }
}
