package dev.ciscosupport.mcp.prompts;

import dev.ciscosupport.mcp.cisco.call.CiscoException;
import dev.ciscosupport.mcp.cisco.serial.SerialApi;
import dev.ciscosupport.mcp.cisco.serial.SerialCoverage;
import java.util.List;
import java.util.Map;

/** Finds the product of a serial number, for prompts that accept a serial instead of a product. */
public interface ProductResolver {
    String productOf(String serial);

    /** Through Cisco's Serial Number to Information API (its coverage summary names the base product ID). */
    static ProductResolver through(SerialApi api) {
        return serial -> {
            try {
                SerialCoverage item = api.ask(SerialApi.Question.SUMMARY, List.of(serial), 1).items().get(0);
                if (!item.found() || item.baseProductIds().isEmpty()) {
                    throw PromptArgs.invalid("Cisco knows no product for serial number " + serial
                            + "; give product instead, or check the serial number.");
                }
                return item.baseProductIds().get(0);
            } catch (CiscoException e) {
                CiscoException said = e instanceof CiscoException.InvalidInput refused
                        ? refused.naming(Map.of("serial_numbers", "serial_number")) : e; // the prompt's argument
                throw PromptArgs.invalid("The serial number " + serial + " could not be looked up: " + said.getMessage());
            }
        };
    }

    /** When the Serial Number to Information API is not enabled. */
    static ProductResolver unavailable() {
        return serial -> {
            throw PromptArgs.invalid("serial_number needs the Serial Number to Information API, which this server does not"
                    + " offer (add serial to SUPPORT_API); give product instead.");
        };
    }
}
