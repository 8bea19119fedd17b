package dev.ciscosupport.mcp.cisco.rma;

import java.util.List;

/**
 * A service order return (RMA). A lookup by number fills everything; a listing by user only number,
 * status, order date, case and ship-to city.
 *
 * @param shipped  replacement parts: "part, quantity, status" each
 * @param returned parts to return: "part serial, status" each
 */
public record ReturnOrder(String rmaNumber, String status, String orderDate, String caseId, String contractId,
        String serviceLevel, String failureCode, String failureDescription, String shipToCity, String shipToCountry,
        List<String> trackingNumbers, List<String> shipped, List<String> returned) {

    public ReturnOrder {
        trackingNumbers = List.copyOf(trackingNumbers);
        shipped = List.copyOf(shipped);
        returned = List.copyOf(returned);
    }
}
