package dev.ciscosupport.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciscosupport.mcp.json.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the body check refuses before the SDK sees it, and the sentence it says (found by FuzzIT). */
class JsonRpcShapeTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{'jsonrpc':'1.0','id':1,'method':'ping'}                         | \"jsonrpc\" must be \"2.0\".",
        "{'jsonrpc':'2.0','id':{},'method':'ping'}                        | \"id\" must be a string or an integer.",
        "{'jsonrpc':'2.0','id':1.5,'method':'ping'}                       | \"id\" must be a string or an integer.",
        "{'jsonrpc':'2.0','id':1,'method':[]}                             | \"method\" must be a non-empty string.",
        "{'jsonrpc':'2.0','id':1}                                         | \"method\" is missing.",
        "{'jsonrpc':'2.0','id':1,'method':'ping','params':null}           | \"params\" must be an object when present.",
        "{'jsonrpc':'2.0','id':1,'method':'initialize'}                   | initialize needs \"params\" with \"protocolVersion\" as a string.",
        "{'jsonrpc':'2.0','id':1,'method':'tools/call','params':{'name':3}} | tools/call needs \"params\" with \"name\" as a string.",
        "{'jsonrpc':'2.0','id':1,'method':'tools/call','params':{'name':'x','arguments':'y'}} | \"arguments\" must be an object.",
    })
    void refusedWithASentence(String message, String problem) {
        assertThat(dev.ciscosupport.mcp.server.JsonRpcShape.problem(Json.MAPPER.readTree(message.replace('\'', '"')))).isEqualTo(problem);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{'jsonrpc':'2.0','id':1,'method':'ping'}",
        "{'jsonrpc':'2.0','method':'notifications/initialized'}",
        "{'jsonrpc':'2.0','id':'a','result':{}}",
        "{'jsonrpc':'2.0','id':2,'method':'tools/call','params':{'name':'search_bugs_by_keyword','arguments':{'keyword':'x'}}}",
    })
    void validMessagesPass(String message) {
        assertThat(dev.ciscosupport.mcp.server.JsonRpcShape.problem(Json.MAPPER.readTree(message.replace('\'', '"')))).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Invalid message format: tools.jackson.databind.exc.MismatchedInputException: Cannot deserialize",
        "Error processing message: Cannot invoke \"java.util.HashMap.get(Object)\" because io.modelcontextprotocol.X$Y",
    })
    void sdkMessagesLoseTheirInternals(String sdk) {
        String plain = SdkResponseFilter.plain(sdk);
        assertThat(plain).startsWith(sdk.substring(0, sdk.indexOf(':'))).doesNotContain("Exception").doesNotContain("java.")
                .doesNotContain("io.modelcontextprotocol").contains("JSON-RPC 2.0");
        assertThat(SdkResponseFilter.plain("Session not found")).isEqualTo("Session not found");
    }
}
