package dev.mamori.cli;

import picocli.CommandLine.Option;

/**
 * How a command writes its CSV outputs, shared by every command that writes CSV ({@code @Mixin}):
 * {@code --bom} puts a UTF-8 byte order mark first, so that Excel opens a UTF-8 file as UTF-8 rather than
 * as Shift_JIS; {@code --csv-profile excel} is that and CRLF line ends. A BOM is only ever written to
 * UTF-8 output (a CP932 or EUC-JP output stays in its encoding, which Excel reads as it is).
 */
public final class CsvOptions {

    /** What a CSV looks like. */
    public enum Profile { plain, excel }

    @Option(names = "--bom", description = "Start UTF-8 CSV outputs with a byte order mark (for Excel).")
    boolean bom;

    @Option(names = "--csv-profile", paramLabel = "PROFILE",
            description = "plain (default) or excel: a byte order mark on UTF-8 output and CRLF line ends.")
    Profile profile = Profile.plain;

    /** Whether UTF-8 output starts with a byte order mark. */
    public boolean bom() {
        return bom || profile == Profile.excel;
    }

    /** Whether lines end with CRLF (always for excel; otherwise as the command's own format says). */
    public boolean crlf() {
        return profile == Profile.excel;
    }
}
