package dev.ciscosupport.mcp.cisco.product;

/**
 * What Cisco's Product Information API says about one serial or product ID: only the fields Cisco
 * returns, nothing invented. Fields an endpoint does not return are "".
 *
 * @param input the serial number or product ID this answers
 */
public record ProductInfo(
        String input,
        String productId,
        String orderableProductId,
        String name,
        String type,
        String series,
        String category,
        String subcategory,
        String releaseDate,
        String orderableStatus,
        String dimensions,
        String weight,
        String formFactor,
        String supportPage,
        String nameMdf,
        String seriesMdf,
        String errorCode,
        String errorDescription,
        String errorAction) {

    public boolean found() {
        return errorCode.isEmpty();
    }
}
