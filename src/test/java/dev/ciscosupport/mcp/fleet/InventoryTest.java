package dev.ciscosupport.mcp.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An inventory as engineers paste it: CSV exports with their own header names, show output of the four IOS families
 * (as each prints it), bare serials, and all of it mixed; every line that gives no device is listed back with why.
 */
class InventoryTest {

    private static String sample(String name) {
        try (InputStream in = InventoryTest.class.getResourceAsStream("/fleet/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aCsvExportWithItsOwnHeaderNamesIsReadByMeaning() {
        Inventory inventory = Inventory.read("""
                Device Name;Serial Number;Model;Software Type;Software Version;Location
                core-1;FOC2233X0AB;C9300-24T;IOS-XE;17.09.04a;Berlin
                "edge; 2";FDO21120U5D;N9K-C93180YC-EX;NX-OS;9.3(10);"Paris, 3rd floor"
                """, 100);
        assertThat(inventory.rejected()).isEmpty();
        assertThat(inventory.devices()).containsExactly(
                new Device("line 2", "core-1", "Berlin", "FOC2233X0AB", "C9300-24T", "iosxe", "17.9.4a"),
                new Device("line 3", "edge; 2", "Paris, 3rd floor", "FDO21120U5D", "N9K-C93180YC-EX", "nxos", "9.3(10)"));
    }

    @Test
    void theOsIsInferredFromTheProductWhenTheCsvHasNone() {
        Inventory inventory = Inventory.read("sn,pid,version\nFOC1932X1YZ,WS-C2960X-48FPD-L,15.2(7)E8\n"
                + "JAE12345678,ISR4431/K9,17.6.5\nFOX1746GHQ2,ASR-9006-AC-V,7.5.2\n", 100);
        assertThat(inventory.devices()).extracting(Device::osType).containsExactly("ios", "iosxe", Platforms.IOS_XR);
    }

    @Test
    void showOutputOfEachIosFamilyGivesItsDevice() {
        Inventory inventory = Inventory.read(sample("show-iosxe.txt") + "\n" + sample("show-ios.txt") + "\n"
                + sample("show-nxos.txt") + "\n" + sample("show-iosxr.txt"), 100);
        assertThat(inventory.rejected()).isEmpty();
        assertThat(inventory.devices()).extracting(Device::hostname, Device::serial, Device::productId, Device::osType,
                Device::version).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("sw-core-1", "FOC2233X0AB", "C9300-24T", "iosxe", "17.9.4a"),
                        org.assertj.core.groups.Tuple.tuple("access-7", "FOC1932X1YZ", "WS-C2960X-48FPD-L", "ios", "15.2(7)E8"),
                        org.assertj.core.groups.Tuple.tuple("leaf-101", "FDO21120U5D", "N9K-C93180YC-EX", "nxos", "9.3(10)"),
                        org.assertj.core.groups.Tuple.tuple("pe-3", "FOX1746GHQ2", "ASR-9006-AC-V", "iosxr", "7.5.2"));
        assertThat(Platforms.platformAlias("nxos", "N9K-C93180YC-EX")).isEqualTo("NEXUS9000");
    }

    @Test
    void bareSerialsCsvAndShowOutputMixAndEveryUnreadLineSaysWhy() {
        Inventory inventory = Inventory.read("FOC1111A111 FOC2222B222\n\nhostname,serial,pid\nr1,FOC3333C333,C1111-8P\n"
                + "r2,FOC4444D444\nr3,,\nr4,FOC 5,C1111-8P\n\nFOC7777F777 nope\n" + sample("show-ios.txt") + "FOC6666E666\nhello there\n"
                + "FOC1111A111\n", 100);
        assertThat(inventory.devices()).extracting(Device::serial).containsExactly("FOC1111A111", "FOC2222B222",
                "FOC3333C333", "FOC6666E666", "FOC1932X1YZ");
        assertThat(inventory.rejected()).extracting(Rejected::line, Rejected::why).containsExactly(
                org.assertj.core.groups.Tuple.tuple(5, "2 cells where the header (line 3) has 3"),
                org.assertj.core.groups.Tuple.tuple(6, "no serial number and no product ID"),
                org.assertj.core.groups.Tuple.tuple(7, "the serial number is not 8 to 20 letters and digits"),
                org.assertj.core.groups.Tuple.tuple(9, "\"nope\" is not a serial number (8 to 20 letters and digits)"),
                org.assertj.core.groups.Tuple.tuple(24, "not a serial number, a CSV row under a header, or show output"),
                org.assertj.core.groups.Tuple.tuple(25, "serial number listed again (first at line 1)"));
    }

    @Test
    void aOneColumnExportIsReadUnderItsHeader() {
        Inventory inventory = Inventory.read("Product ID\nWS-C3850-48XS-E\nC9300-24T\n\nSerial Number\nFOC1111A111\n", 10);
        assertThat(inventory.rejected()).isEmpty();
        assertThat(inventory.devices()).extracting(Device::productId, Device::serial).containsExactly(
                org.assertj.core.groups.Tuple.tuple("WS-C3850-48XS-E", ""), org.assertj.core.groups.Tuple.tuple("C9300-24T", ""),
                org.assertj.core.groups.Tuple.tuple("", "FOC1111A111"));
    }

    @Test
    void unbalancedQuotesAreRefusedLinesNotFailures() {
        Inventory inventory = Inventory.read("\"serial,pid\nhostname,serial\nr1,\"FOC1111A111\n", 10);
        assertThat(inventory.devices()).isEmpty();
        assertThat(inventory.rejected()).extracting(Rejected::line, Rejected::why).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, "not a serial number, a CSV row under a header, or show output"),
                org.assertj.core.groups.Tuple.tuple(3, "a quote that is not closed"));
    }

    @Test
    void anInventoryOverTheLimitIsRefusedWithASentence() {
        String serials = String.join("\n", List.of("FOC1111A111", "FOC2222B222", "FOC3333C333"));
        assertThatThrownBy(() -> Inventory.read(serials, 2)).hasMessage(
                "The inventory lists 3 devices; one check takes at most 2. Split it into parts.");
    }

    @Test
    void versionsAreWrittenAsCiscosCheckerTakesThem() {
        assertThat(Platforms.version("17.09.04a")).isEqualTo("17.9.4a");
        assertThat(Platforms.version("16.12.04")).isEqualTo("16.12.4");
        assertThat(Platforms.version("15.2(7)E8")).isEqualTo("15.2(7)E8");
        assertThat(Platforms.version("99999999999999999999.1")).isEqualTo("99999999999999999999.1");
    }
}
