package dev.ciscosupport.mcp.security;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Supplier;

/** Where the security log's lines go: stderr, and a file when one is configured; here each at once. */
class LogLines {
    private final PrintStream err;
    private final Path file;
    /** The line said on stderr when the file cannot be written, in the log's format. */
    private final Supplier<String> fileFailed;

    LogLines(PrintStream err, Path file, Supplier<String> fileFailed) {
        this.err = err;
        this.file = file;
        this.fileFailed = fileFailed;
    }

    /** @param atOnce written before this returns, with any line logged before it (here every line is) */
    void write(String line, boolean atOnce) {
        writeAll(List.of(line));
    }

    /** Several lines in one write. */
    synchronized void writeAll(List<String> lines) {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append('\n');
        }
        err.print(text);
        err.flush();
        if (file != null) {
            try {
                Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                err.println(fileFailed.get());
                err.flush();
            }
        }
    }

    /** Writes what has not been written yet. */
    void close() {
    }
}
