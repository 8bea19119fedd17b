package dev.ciscosupport.mcp.tools;

import java.util.LinkedHashMap;

/**
 * The structured content of a tool's answer, made by this server from the tool's result record, whose output schema
 * the same record generated: the SDK's check of it against that schema on every call (a JSON tree and a string of the
 * whole answer, then the validator's walk: about a twentieth of a call's CPU) need not run in production. The tests
 * run with assertions on, and there the check still runs on every answer (see {@code ReadableSchemaValidator}).
 */
public final class OwnStructuredContent extends LinkedHashMap<String, Object> {
    private static final long serialVersionUID = 1L;
}
