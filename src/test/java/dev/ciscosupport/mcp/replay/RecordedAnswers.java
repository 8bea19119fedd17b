package dev.ciscosupport.mcp.replay;

import static dev.ciscosupport.mcp.replay.Replay.error;
import static dev.ciscosupport.mcp.replay.Replay.of;
import static dev.ciscosupport.mcp.replay.Replay.says;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every example of {@code shared/cisco-api/examples} that a tool can fetch, with the tool call that fetches it
 * and the request Cisco documents for that call (paths from the WADLs and the recorded {@code self_link}s).
 */
final class RecordedAnswers {
    static final String BUG = "/bug/v2.0/bugs";
    static final String CASE = "/case/v3/cases";
    static final String EOX = "/supporttools/eox/rest/5";
    static final String PSIRT = "/security/advisories/v2";
    static final String PRODUCT = "/product/v1/information";
    static final String SN2INFO = "/sn2info/v2";
    static final String SOFTWARE = "/software/suggestion/v2/suggestions";
    static final String RMA = "/return/v1.0/returns";

    private RecordedAnswers() {
    }

    static List<Replay> all() {
        return List.of(
                // Bug API v2.0
                of("bug/bug_ids.200.json", "get_bug_details", BUG + "/bug_ids/CSCvc57217", "bug_ids", "CSCvc57217"),
                of("bug/keyword.200.json", "search_bugs_by_keyword", BUG + "/keyword/IOS%20SSH%20PKI", "keyword", "IOS SSH PKI"),
                // A syslog mnemonic and an apostrophe: common search terms, each sent percent-encoded in its segment.
                of("bug/keyword.200.json", "search_bugs_by_keyword", BUG + "/keyword/%25SYS-2-MALLOCFAIL%20can%27t%20%22alloc%22",
                        "keyword", "%SYS-2-MALLOCFAIL can't \"alloc\""),
                of("bug/product_id.200.json", "search_bugs_by_product_id",
                        BUG + "/products/product_id/WS-C3560-48PS-S?sort_by=severity", "base_pid", "WS-C3560-48PS-S",
                        "sort_by", "severity"),
                of("bug/product_id_software_releases.200.empty.json", "search_bugs_by_product_and_release",
                        BUG + "/products/product_id/WS-C3560-48PS-S/software_releases/15.2(03)E01", "base_pid", "WS-C3560-48PS-S",
                        "software_releases", "15.2(03)E01"),
                of("bug/product_id_software_releases.200.synthesized.json", "search_bugs_by_product_and_release",
                        BUG + "/products/product_id/WS-C3560-48PS-S/software_releases/12.2(55)SE?modified_date=5", "base_pid",
                        "WS-C3560-48PS-S", "software_releases", "12.2(55)SE", "modified_date", "5"),
                of("bug/product_name_affected_releases.200.json", "search_bugs_by_product_name_affected",
                        BUG + "/product_name/Cisco%20Unity%20Connection%20Version%2010.5/affected_releases/10.5(2)?modified_date=5",
                        "product_name", "Cisco Unity Connection Version 10.5", "affected_releases", "10.5(2)", "modified_date", "5"),
                of("bug/product_name_affected_releases.200.last_page.json", "search_bugs_by_product_name_affected",
                        BUG + "/product_name/Cisco%20Unity%20Connection%20Version%2010.5/affected_releases/10.5(2)?page_index=25&modified_date=5",
                        "product_name", "Cisco Unity Connection Version 10.5", "affected_releases", "10.5(2)", "modified_date", "5",
                        "page_index", 25),
                of("bug/product_name_fixed_in_releases.200.empty.json", "search_bugs_by_product_name_fixed",
                        BUG + "/product_name/Cisco%20Unified%20Communications%20Manager%20(CallManager)/fixed_in_releases/10.5(2)?modified_date=5",
                        "product_name", "Cisco Unified Communications Manager (CallManager)", "fixed_releases", "10.5(2)",
                        "modified_date", "5"),
                of("bug/product_name_fixed_in_releases.200.synthesized.json", "search_bugs_by_product_name_fixed",
                        BUG + "/product_name/Cisco%20Unity%20Connection%20Version%2010.5/fixed_in_releases/12.5(1)ES22?modified_date=5",
                        "product_name", "Cisco Unity Connection Version 10.5", "fixed_releases", "12.5(1)ES22", "modified_date", "5"),
                of("bug/product_series_affected_releases.200.empty.json", "search_bugs_by_product_series_affected",
                        BUG + "/product_series/Cisco%205500%20Series%20Wireless%20Controllers/affected_releases/7.4(100.0)?modified_date=5",
                        "product_series", "Cisco 5500 Series Wireless Controllers", "affected_releases", "7.4(100.0)",
                        "modified_date", "5"),
                of("bug/product_series_affected_releases.200.synthesized.json", "search_bugs_by_product_series_affected",
                        BUG + "/product_series/Cisco%20Unity%20Connection/affected_releases/10.5(2)?modified_date=5",
                        "product_series", "Cisco Unity Connection", "affected_releases", "10.5(2)", "modified_date", "5"),
                of("bug/product_series_fixed_in_releases.200.empty.json", "search_bugs_by_product_series_fixed",
                        BUG + "/product_series/Cisco%205500%20Series%20Wireless%20Controllers/fixed_in_releases/7.6(100.6)?modified_date=5",
                        "product_series", "Cisco 5500 Series Wireless Controllers", "fixed_releases", "7.6(100.6)",
                        "modified_date", "5"),
                of("bug/product_series_fixed_in_releases.200.synthesized.json", "search_bugs_by_product_series_fixed",
                        BUG + "/product_series/Cisco%20Unity%20Connection/fixed_in_releases/12.5(1)ES22?modified_date=5",
                        "product_series", "Cisco Unity Connection", "fixed_releases", "12.5(1)ES22", "modified_date", "5"),
                error("bug/error.400.missing_parameters.json", "search_bugs_by_keyword", "a required parameter is missing",
                        "keyword", "IOS SSH PKI"),

                // Case API v3
                of("case/case_ids.200.json", "get_case_summary", CASE + "/case_ids/692277140", "case_ids", "692277140"),
                of("case/details.200.json", "get_case_details", CASE + "/details/case_id/692277140", "case_id", "692277140"),
                of("case/contracts.200.json", "search_cases_by_contract",
                        CASE + "/contracts/contract_ids/92511831?status_flag=O&page_index=1", "contract_ids", "92511831",
                        "status_flag", "O"),
                of("case/users.200.empty.json", "search_cases_by_user", CASE + "/users/user_ids/mannygar?status_flag=O&page_index=1",
                        "user_ids", "mannygar", "status_flag", "O"),
                of("case/users.200.synthesized.json", "search_cases_by_user", CASE + "/users/user_ids/jdoe?status_flag=O&page_index=1",
                        "user_ids", "jdoe", "status_flag", "O"),

                // EoX API v5
                of("eox/EOXByDates.200.trimmed.json", "get_eox_by_date",
                        EOX + "/EOXByDates/1/2022-01-01/2022-01-31?responseencoding=json&eoxAttrib=EO_LAST_SUPPORT_DATE",
                        "start_date", "2022-01-01", "end_date", "2022-01-31", "eox_attrib", "EO_LAST_SUPPORT_DATE"),
                of("eox/EOXByProductID.200.json", "get_eox_by_product_id",
                        EOX + "/EOXByProductID/1/WS-C3850-48XS-E-RF,WS-C3850-48XS-E?responseencoding=json",
                        "product_ids", "WS-C3850-48XS-E-RF,WS-C3850-48XS-E"),
                of("eox/EOXByProductID.200.record_level_error.json", "get_eox_by_product_id",
                        EOX + "/EOXByProductID/1/NOTHING?responseencoding=json", "product_ids", "NOTHING"),
                of("eox/EOXBySWReleaseString.200.trimmed.json", "get_eox_by_software_release",
                        EOX + "/EOXBySWReleaseString/3?responseencoding=json&input1=12.2,IOS", "input1", "12.2,IOS",
                        "page_index", 3),
                of("eox/EOXBySerialNumber.200.json", "get_eox_by_serial_number",
                        EOX + "/EOXBySerialNumber/1/FHK0933224R?responseencoding=json", "serial_numbers", "FHK0933224R"),
                error("eox/error.200.top_level_EOXError.json", "get_eox_by_serial_number", "serialnumbers value specified is invalid",
                        "serial_numbers", "FHK0933224R"),

                // PSIRT openVuln v2
                of("psirt/advisory.200.synthesized.json", "get_security_advisory_by_id", PSIRT + "/advisory/cisco-sa-20180221-ucdm",
                        "advisory_id", "cisco-sa-20180221-ucdm"),
                of("psirt/cve.200.json", "get_security_advisory_by_cve", PSIRT + "/cve/CVE-2018-0124", "cve_id", "CVE-2018-0124"),
                of("psirt/bugid.200.synthesized.json", "get_security_advisory_by_bug_id", PSIRT + "/bugid/CSCuv67964",
                        "bug_id", "CSCuv67964"),
                of("psirt/latest.200.synthesized.json", "get_latest_security_advisories", PSIRT + "/latest/2", "number", 2),
                of("psirt/all.200.synthesized.json", "get_all_security_advisories", PSIRT + "/all?pageIndex=1&pageSize=2",
                        "page_size", 2),
                of("psirt/all_firstpublished.200.synthesized.json", "get_security_advisories_by_first_published",
                        PSIRT + "/all/firstpublished?startDate=2022-04-01&endDate=2022-04-30&pageIndex=1&pageSize=20",
                        "start_date", "2022-04-01", "end_date", "2022-04-30"),
                of("psirt/all_lastpublished.200.synthesized.json", "get_security_advisories_by_last_published",
                        PSIRT + "/all/lastpublished?startDate=2022-04-01&endDate=2022-04-30&pageIndex=1&pageSize=20",
                        "start_date", "2022-04-01", "end_date", "2022-04-30"),
                of("psirt/severity.200.synthesized.json", "get_security_advisories_by_severity",
                        PSIRT + "/severity/critical?pageIndex=1&pageSize=1", "severity", "critical", "page_size", 1),
                of("psirt/severity_firstpublished.200.synthesized.json", "get_security_advisories_by_severity",
                        PSIRT + "/severity/high/firstpublished?startDate=2022-04-01&endDate=2022-04-30&pageIndex=1&pageSize=20",
                        "severity", "high", "start_date", "2022-04-01", "end_date", "2022-04-30"),
                of("psirt/severity_lastpublished.200.synthesized.json", "get_security_advisories_by_severity",
                        PSIRT + "/severity/high/lastpublished?startDate=2022-04-01&endDate=2022-04-30&pageIndex=1&pageSize=20",
                        "severity", "high", "start_date", "2022-04-01", "end_date", "2022-04-30", "date_field", "last_updated"),
                of("psirt/year.200.synthesized.json", "get_security_advisories_by_year", PSIRT + "/year/2018?pageIndex=1&pageSize=1",
                        "year", 2018, "page_size", 1),
                of("psirt/product.200.synthesized.json", "get_security_advisories_by_product",
                        PSIRT + "/product?product=Cisco%20Unified%20Communications%20Domain%20Manager&pageIndex=1&pageSize=20",
                        "product", "Cisco Unified Communications Domain Manager"),
                of("psirt/OSType_iosxe.200.synthesized.json", "get_security_advisories_by_software_version",
                        PSIRT + "/OSType/iosxe?version=17.9.4&pageIndex=1&pageSize=20", "os_type", "iosxe", "version", "17.9.4"),
                of("psirt/OSType_nxos.200.synthesized.json", "get_security_advisories_by_software_version",
                        PSIRT + "/OSType/nxos?version=9.3(9)&platformAlias=NEXUS9000&pageIndex=1&pageSize=20", "os_type", "nxos",
                        "version", "9.3(9)", "platform_alias", "NEXUS9000"),
                error("psirt/error.404.advisoryid_not_found.documented.json", "get_security_advisory_by_id",
                        "no advisory with the id cisco-sa-20180221-xxxx", "advisory_id", "cisco-sa-20180221-xxxx"),
                says("psirt/error.404.no_data_found.documented.json", "get_security_advisories_by_year", "no advisory matched",
                        "year", 1996),
                error("psirt/error.404.product_not_found.documented.json", "get_security_advisories_by_product",
                        "psirt knows no product named", "product", "Cisco Nonexistent Box"),
                error("psirt/error.406.invalid_date_format.documented.json", "get_security_advisories_by_first_published",
                        "invalid date format", "start_date", "2022-04-01", "end_date", "2022-04-30"),
                error("psirt/error.406.invalid_pageindex.documented.json", "get_all_security_advisories", "incorrect page index",
                        "page_index", 100),
                error("psirt/error.410.cvrf_obsolete.documented.json", "get_security_advisory_by_id", "no longer available",
                        "advisory_id", "cisco-sa-20180221-ucdm"),

                // Product Information v1
                of("product_info/serial_numbers.200.synthesized.json", "get_product_info_by_serial_numbers",
                        PRODUCT + "/serial_numbers/FOC1710W3DY,SMG1149NKBS?page_index=1", "serial_numbers", "FOC1710W3DY,SMG1149NKBS"),
                of("product_info/serial_numbers.200.item_error.synthesized.json", "get_product_info_by_serial_numbers",
                        PRODUCT + "/serial_numbers/XYZ0000BAD?page_index=1", "serial_numbers", "XYZ0000BAD"),
                of("product_info/product_ids.200.synthesized.json", "get_product_info_by_product_ids",
                        PRODUCT + "/product_ids/WS-C6509-E?page_index=1", "product_ids", "WS-C6509-E"),
                of("product_info/product_ids_mdf.200.synthesized.json", "get_product_mdf_info_by_product_ids",
                        PRODUCT + "/product_ids_mdf/WS-C2960-8TC-S?page_index=1", "product_ids", "WS-C2960-8TC-S"),

                // Serial Number to Information v2
                of("sn2info/coverage_status.200.json", "get_coverage_status_by_serial",
                        SN2INFO + "/coverage/status/serial_numbers/FXS2130Q286", "serial_numbers", "FXS2130Q286"),
                of("sn2info/coverage_owner_status.200.json", "get_coverage_owner_status_by_serial",
                        SN2INFO + "/coverage/owner_status/serial_numbers/FXS2130Q286", "serial_numbers", "FXS2130Q286"),
                of("sn2info/coverage_summary_serial_numbers.200.json", "get_coverage_summary_by_serial",
                        SN2INFO + "/coverage/summary/serial_numbers/FXS2130Q286?page_index=1", "serial_numbers", "FXS2130Q286"),
                of("sn2info/coverage_summary_serial_numbers.200.item_error.synthesized.json", "get_coverage_summary_by_serial",
                        SN2INFO + "/coverage/summary/serial_numbers/FXS2130Q286,BADSERIAL1?page_index=1", "serial_numbers",
                        "FXS2130Q286,BADSERIAL1"),
                of("sn2info/coverage_summary_instance_numbers.200.synthesized.json", "get_coverage_summary_by_instance",
                        SN2INFO + "/coverage/summary/instance_numbers/917280220?page_index=1", "instance_numbers", "917280220"),
                of("sn2info/orderable_serial_numbers.200.json", "get_orderable_pid_by_serial",
                        SN2INFO + "/identifiers/orderable/serial_numbers/FOC0717W107,FOC11517LEX,FOC0737Y43K", "serial_numbers",
                        "FOC0717W107,FOC11517LEX,FOC0737Y43K"),
                error("sn2info/error.400.api_error.synthesized.json", "get_coverage_status_by_serial", "too many input parameters",
                        "serial_numbers", "FXS2130Q286"),

                // Software Suggestion v2
                of("software_suggestion/software_productIds.200.synthesized.json", "get_software_suggestions_by_product_ids",
                        SOFTWARE + "/software/productIds/WS-C3560-48PS-S", "product_ids", "WS-C3560-48PS-S"),
                of("software_suggestion/releases_productIds.200.synthesized.json", "get_software_releases_by_product_ids",
                        SOFTWARE + "/releases/productIds/WS-C3560-48PS-S", "product_ids", "WS-C3560-48PS-S"),
                of("software_suggestion/compatible_productId.200.synthesized.json", "get_compatible_software_by_product_id",
                        SOFTWARE + "/compatible/productId/WS-C3560-48PS-S?currentRelease=12.2(55)SE", "product_id",
                        "WS-C3560-48PS-S", "current_release", "12.2(55)SE"),
                of("software_suggestion/software_mdfIds.200.synthesized.json", "get_software_suggestions_by_mdf_ids",
                        SOFTWARE + "/software/mdfIds/279310574", "mdf_ids", "279310574"),
                of("software_suggestion/releases_mdfIds.200.synthesized.json", "get_software_releases_by_mdf_ids",
                        SOFTWARE + "/releases/mdfIds/279310574", "mdf_ids", "279310574"),
                of("software_suggestion/compatible_mdfId.200.synthesized.json", "get_compatible_software_by_mdf_id",
                        SOFTWARE + "/compatible/mdfId/279310574?currentRelease=12.2(55)SE", "mdf_id", "279310574",
                        "current_release", "12.2(55)SE"),
                of("software_suggestion/productIds.200.item_error.synthesized.json", "get_software_suggestions_by_product_ids",
                        SOFTWARE + "/software/productIds/NOT-A-PID", "product_ids", "NOT-A-PID"),

                // Service Order Return (RMA) v1.0
                of("rma/rma_numbers.200.json", "get_rma_details", RMA + "/rma_numbers/801934965", "rma_number",
                        "801934965"),
                of("rma/users.200.synthesized.json", "get_rmas_by_user", RMA + "/users/user_ids/jdoe", "user_id", "jdoe"),
                of("rma/rma_numbers.200.error_no_records.json", "get_rma_details", RMA + "/rma_numbers/84894022",
                        "rma_number", "84894022"),
                of("rma/users.200.error_no_records.json", "get_rmas_by_user", RMA + "/users/user_ids/jdoe",
                        "user_id", "jdoe"));
    }

    /** Gateway answers (Cisco's API gateway, before any API): each with the words the user's sentence must contain. */
    static List<Replay> gateway() {
        return List.of(
                error("gateway/403.developer_inactive.txt", "get_bug_details", "not approved or disabled", "bug_ids",
                        "CSCvc57217"),
                error("gateway/403.not_authorized.h1.txt", "get_bug_details", "not authorized", "bug_ids", "CSCvc57217"),
                error("gateway/403.not_authorized.missing_header.txt", "get_bug_details", "not authorized", "bug_ids",
                        "CSCvc57217"),
                error("gateway/403.over_qps.txt", "get_bug_details", "rate limiting", "bug_ids", "CSCvc57217"),
                error("gateway/403.over_rate.txt", "get_bug_details", "rate limiting", "bug_ids", "CSCvc57217"),
                error("gateway/429.psirt_over_rate.txt", "get_security_advisory_by_cve", "rate limiting", "cve_id", "CVE-2018-0124"),
                error("gateway/504.gateway_timeout.txt", "get_bug_details", "gateway timeout", "bug_ids", "CSCvc57217"));
    }

    /** Example files no tool fetches, and why. */
    static Map<String, String> notFetched() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("asd/", "Automated Software Distribution is not one of the eight APIs this server offers (SPEC 11: low confidence)");
        m.put("hello/", "Cisco's connectivity check; the server checks entitlement with a real call of each API instead");
        m.put("psirt/OS_version_OS_data.", "no tool lists the releases PSIRT knows: the software checker takes the release the user has, and its OS types are an enum");
        m.put("psirt/platforms.", "no tool lists PSIRT platform aliases: the software checker takes them as the user gives them (SPEC 6.1 lists them)");
        m.put("oauth/", "the token endpoint's answers: TokenExamplesTest parses each, RecordedCisco serves token.200");
        return m;
    }
}
