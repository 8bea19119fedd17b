package dev.ciscosupport.mcp.fleet;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an inventory as an engineer pastes it, line by line, in any mix of three forms: CSV with a header row (names
 * matched loosely: "Serial Number", "serial", "SN" are all the serial), {@code show version} / {@code show inventory}
 * output of one or several devices (each after its prompt, {@code sw1#show version}), and bare serial numbers. A CSV
 * part ends at an empty line; a show part at the next prompt, CSV header or bare serial.
 */
final class InventoryReader {
    private static final Pattern PROMPT = Pattern.compile("^([A-Za-z0-9][\\w.:/-]{0,62})[#>]\\s*(\\S.*)?$");
    private static final Pattern SERIAL = Pattern.compile("^(?=.*[0-9])(?=.*[A-Za-z])[A-Za-z0-9]{8,20}$");
    /** As Cisco's APIs take product IDs (IdFormat.PRODUCT_ID): a bad one would fail a whole batch of the check. */
    private static final Pattern PRODUCT_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_./=+-]{0,49}$");
    /** Each column this reader uses, and the header names (lower case, letters and digits only) that mean it. */
    private static final Map<String, List<String>> COLUMNS = Map.of(
            "serial", List.of("serial", "serialnumber", "serialno", "sn", "sernum", "chassisserial", "serialnum"),
            "pid", List.of("pid", "productid", "product", "model", "modelnumber", "partnumber", "productnumber", "sku"),
            "os", List.of("os", "ostype", "software", "softwaretype", "platformos", "operatingsystem", "swtype"),
            "version", List.of("version", "osversion", "softwareversion", "release", "swversion", "iosversion",
                    "softwarerelease", "firmware", "image"),
            "hostname", List.of("hostname", "host", "device", "devicename", "name", "sysname"),
            "site", List.of("site", "location", "sitename", "datacenter", "building"));

    private final List<Device> devices = new ArrayList<>();
    private final List<Rejected> rejected = new ArrayList<>();
    /** Show output per host, in the order first seen: several commands of one host make one device. */
    private final Map<String, ShowBlock> shows = new LinkedHashMap<>();
    private ShowBlock show;
    private Csv csv;

    private record ShowBlock(String hostname, int firstLine, List<String> lines) {
    }

    /** The columns of a CSV part: where each used column is, and how its cells are split. */
    private record Csv(CSVFormat format, Map<String, Integer> columns, int width, int headerLine) {
    }

    static Inventory read(String text, int maxDevices) {
        InventoryReader reader = new InventoryReader();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            reader.line(i + 1, lines[i]);
        }
        reader.endShow();
        reader.shows.values().forEach(reader::device);
        List<Device> devices = reader.devices;
        if (devices.size() > maxDevices) {
            throw new IllegalArgumentException("The inventory lists " + devices.size() + " devices; one check takes at most "
                    + maxDevices + ". Split it into parts.");
        }
        return new Inventory(reader.unique(devices), reader.rejected);
    }

    private void line(int number, String raw) {
        String line = raw.replace("\uFEFF", "").stripTrailing();
        String trimmed = line.strip();
        Matcher prompt = PROMPT.matcher(trimmed);
        if (prompt.matches() && !trimmed.contains(",") && !trimmed.contains(";") && !trimmed.contains("\t")) {
            csv = null;
            endShow();
            String host = prompt.group(1).substring(prompt.group(1).lastIndexOf(':') + 1); // IOS XR: RP/0/RSP0/CPU0:pe-3
            show = shows.computeIfAbsent(host, h -> new ShowBlock(h, number, new ArrayList<>()));
            return;
        }
        if (trimmed.isEmpty()) {
            csv = null; // a CSV part ends at an empty line; show output has them inside
            return;
        }
        Csv header = header(trimmed, number);
        if (header != null) {
            endShow();
            csv = header;
            return;
        }
        if (show != null) {
            if (SERIAL.matcher(trimmed).matches() && !trimmed.equalsIgnoreCase("hardware")) {
                endShow();
                serials(number, trimmed);
            } else {
                show.lines().add(line);
            }
            return;
        }
        if (csv != null) {
            row(number, trimmed);
            return;
        }
        if (ShowOutput.starts(trimmed)) {
            show = shows.computeIfAbsent("line " + number, key -> new ShowBlock("", number, new ArrayList<>()));
            show.lines().add(line);
            return;
        }
        serials(number, trimmed);
    }

    private void endShow() {
        show = null;
    }

    private void device(ShowBlock block) {
        String source = block.hostname().isEmpty() ? "show output at line " + block.firstLine()
                : "show output of " + block.hostname() + " (line " + block.firstLine() + ")";
        Object read = ShowOutput.read(source, block.hostname(), "", block.lines());
        if (read instanceof Device d && !d.productId().isEmpty() && !PRODUCT_ID.matcher(d.productId()).matches()) {
            rejected.add(Rejected.of(block.firstLine(), d.productId(), "the product ID in this show output has characters"
                    + " Cisco's product IDs do not"));
        } else if (read instanceof Device d && !d.serial().isEmpty() && !SERIAL.matcher(d.serial()).matches()) {
            rejected.add(Rejected.of(block.firstLine(), d.serial(), "the serial number in this show output is not 8 to 20"
                    + " letters and digits"));
        } else if (read instanceof Device d) {
            devices.add(withOs(d));
        } else {
            rejected.add(Rejected.of(block.firstLine(), block.hostname().isEmpty() ? block.lines().get(0)
                    : block.hostname() + "#show ...", read.toString()));
        }
    }

    /** A line of bare serial numbers (one or several, separated by spaces or commas). */
    private void serials(int number, String line) {
        String[] tokens = line.split("[\\s,;]+");
        Optional<String> bad = Arrays.stream(tokens).filter(t -> !SERIAL.matcher(t).matches()).findFirst();
        if (bad.isEmpty()) {
            for (String token : tokens) {
                devices.add(new Device("line " + number, "", "", token.toUpperCase(Locale.ROOT), "", "", ""));
            }
        } else if (bad.get().equals(tokens[0]) && Arrays.stream(tokens).noneMatch(t -> SERIAL.matcher(t).matches())) {
            rejected.add(Rejected.of(number, line, "not a serial number, a CSV row under a header, or show output"));
        } else {
            rejected.add(Rejected.of(number, line, "\"" + Rejected.shown(bad.get())
                    + "\" is not a serial number (8 to 20 letters and digits)"));
        }
    }

    /** The columns of a header row, or null when the line is not one (no serial or product ID column among them). */
    private static Csv header(String line, int number) {
        char delimiter = delimiter(line);
        if (delimiter == 0 && !line.matches("[A-Za-z _-]{2,20}")) {
            return null; // a one-column export still has its name on the first line ("PID", "Serial Number")
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter == 0 ? ',' : delimiter).setTrim(true).get();
        List<String> cells = cells(format, line);
        if (cells == null) {
            return null; // an unbalanced quote: not a header
        }
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String name = cells.get(i).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
            for (Map.Entry<String, List<String>> column : COLUMNS.entrySet()) {
                if (column.getValue().contains(name)) {
                    columns.putIfAbsent(column.getKey(), i);
                }
            }
        }
        return columns.containsKey("serial") || columns.containsKey("pid")
                ? new Csv(format, columns, cells.size(), number) : null;
    }

    private static char delimiter(String line) {
        char best = 0;
        long most = 0;
        for (char c : new char[] {',', ';', '\t', '|'}) {
            long count = line.chars().filter(ch -> ch == c).count();
            if (count > most) {
                most = count;
                best = c;
            }
        }
        return best;
    }

    private static List<String> cells(CSVFormat format, String line) {
        try (var parser = format.parse(new StringReader(line))) {
            List<CSVRecord> records = parser.getRecords();
            return records.isEmpty() ? List.of() : records.get(0).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            return null; // an unbalanced quote: the row is refused, with why
        }
    }

    private void row(int number, String line) {
        List<String> cells = cells(csv.format(), line);
        if (cells == null) {
            rejected.add(Rejected.of(number, line, "a quote that is not closed"));
            return;
        }
        if (cells.size() != csv.width()) {
            rejected.add(Rejected.of(number, line, cells.size() + (cells.size() == 1 ? " cell" : " cells")
                    + " where the header (line " + csv.headerLine() + ") has " + csv.width()));
            return;
        }
        String serial = cell(cells, "serial").toUpperCase(Locale.ROOT);
        String pid = cell(cells, "pid").toUpperCase(Locale.ROOT);
        if (serial.isEmpty() && pid.isEmpty()) {
            rejected.add(Rejected.of(number, line, "no serial number and no product ID"));
            return;
        }
        if (!serial.isEmpty() && !SERIAL.matcher(serial).matches()) {
            rejected.add(Rejected.of(number, line, "the serial number is not 8 to 20 letters and digits"));
            return;
        }
        if (!pid.isEmpty() && !PRODUCT_ID.matcher(pid).matches()) {
            rejected.add(Rejected.of(number, line, "the product ID has characters Cisco's product IDs do not"));
            return;
        }
        String writtenOs = cell(cells, "os");
        String os = Platforms.osType(writtenOs);
        if (!writtenOs.isEmpty() && os.isEmpty()) {
            rejected.add(Rejected.of(number, line, "OS type \"" + Rejected.shown(writtenOs)
                    + "\" is not one of IOS, IOS XE, NX-OS, IOS XR, ASA, FTD, FXOS, FMC, ACI"));
            return;
        }
        devices.add(withOs(new Device("line " + number, cell(cells, "hostname"), cell(cells, "site"), serial, pid, os,
                Platforms.version(cell(cells, "version")))));
    }

    private String cell(List<String> cells, String column) {
        Integer at = csv.columns().get(column);
        return at == null ? "" : cells.get(at).strip();
    }

    /** The OS the device's product runs, when the inventory gave a version but no OS. */
    private static Device withOs(Device d) {
        if (!d.osType().isEmpty() || d.version().isEmpty()) {
            return d;
        }
        return new Device(d.source(), d.hostname(), d.site(), d.serial(), d.productId(),
                Platforms.inferOs(d.productId(), d.version()), d.version());
    }

    /** A serial listed twice is one device: the first mention stays, the later one is listed back. */
    private List<Device> unique(List<Device> all) {
        Map<String, Device> bySerial = new LinkedHashMap<>();
        List<Device> out = new ArrayList<>();
        for (Device d : all) {
            if (!d.serial().isEmpty()) {
                Device first = bySerial.putIfAbsent(d.serial(), d);
                if (first != null) {
                    rejected.add(Rejected.of(lineOf(d.source()), d.serial(), "serial number listed again (first at "
                            + first.source() + ")"));
                    continue;
                }
            }
            out.add(d);
        }
        return out;
    }

    private static int lineOf(String source) {
        Matcher m = Pattern.compile("line (\\d+)").matcher(source);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }
}
