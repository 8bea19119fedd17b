package dev.ciscosupport.mcp.tools;

import io.modelcontextprotocol.modern.McpException;
import io.modelcontextprotocol.spec.McpError;
import java.util.function.Supplier;

/**
 * The work behind a primitive throws the 2025-11-25 SDK's {@link McpError} for a JSON-RPC error (an unknown argument,
 * a URI that names nothing, an unexpected failure with its log reference); the 2026-07-28 server knows only its own
 * {@link McpException} and would answer anything else with a bare "Internal error". This says the same thing there.
 */
public final class ModernErrors {
    private ModernErrors() {
    }

    public static <T> T translated(Supplier<T> work) {
        try {
            return work.get();
        } catch (McpError e) {
            var error = e.getJsonRpcError();
            throw error == null ? new McpException(-32603, e.getMessage())
                    : new McpException(error.code(), error.message(), error.data());
        }
    }
}
