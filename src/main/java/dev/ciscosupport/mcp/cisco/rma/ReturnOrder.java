package dev.ciscosupport.mcp.cisco.rma;

import java.util.List;
import java.util.Map;

/**
 * A service order return (RMA). A lookup by number fills everything; a listing by user only number, status,
 * order date, case and shipping address. The lines below are what a person reads first; {@code details} keeps
 * every field Cisco filled in (addresses, contacts, part lines, labor, notes).
 *
 * @param shipTo       the ship-to (or, in a listing, shipping) address on one line
 * @param shipped      replacement parts: part, quantity, status, dispatch status, ship date, serial, description
 * @param returned     parts to return: part, serial, status, the date it must be back at Cisco, when it was received
 * @param instructions Cisco's notes on the order (failure description, special and delivery instructions...)
 */
public record ReturnOrder(String rmaNumber, String status, String orderDate, String caseId, String contractId,
        String serviceLevel, String failureClass, String failureCode, String customerPo, String shipTo,
        List<String> tracking, List<String> shipped, List<String> returned, List<String> instructions,
        Map<String, Object> details) {

    public ReturnOrder {
        tracking = List.copyOf(tracking);
        shipped = List.copyOf(shipped);
        returned = List.copyOf(returned);
        instructions = List.copyOf(instructions);
        details = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
    }
}
