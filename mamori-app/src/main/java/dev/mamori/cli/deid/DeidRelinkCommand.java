package dev.mamori.cli.deid;

import dev.mamori.cli.Outputs;

import dev.mamori.cli.CsvOptions;
import dev.mamori.cli.Lang;
import dev.mamori.cli.Main;
import dev.mamori.cli.Progress;

import dev.mamori.deid.KeyStore;
import dev.mamori.deid.Relink;
import dev.mamori.report.OutputGuard;
import dev.mamori.report.Terminal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mamori deid relink}: the key holder restores tokenised or FF1-encrypted columns of
 * 仮名加工情報 (a use the law reserves to the business that holds the 削除情報等, 法41条).
 */
@Command(resourceBundle = "dev.mamori.cli.deid.Help", name = "relink",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
                "Restore the columns of 仮名加工情報 that were tokenised (token) or encrypted format-preservingly (fpe), with the key"
                        + " from the key store. Only the holder of the 削除情報等 may do this (個人情報保護法41条).",
                "",
                "The processing record written beside the data (DATA.record.json) says which columns to restore, with which key"
                        + " and version, and holds the key's check value: the key is verified before anything is written, and a"
                        + " wrong key, version or record is refused. Tokens name their key version themselves, so data made"
                        + " before a rotation comes back too. FF1 digits carry nothing, so fpe columns need the record.",
                "",
                "Examples:",
                "  mamori deid relink pseudo.csv --output relinked.csv                 (columns and key from pseudo.csv.record.json)",
                "  mamori deid relink pseudo.csv --token 顧客番号 --key customers --output relinked.csv",
                ""})
public final class DeidRelinkCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DATA", descriptionKey = "data", description = "The 仮名加工情報 CSV.")
    Path data;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "The re-linked CSV, written atomically (in DATA's encoding and delimiter).")
    Path output;

    @Option(names = "--record", paramLabel = "FILE", description = "The processing record of the run that made DATA (default: DATA.record.json, if it is there).")
    Path record;

    @Option(names = "--token", split = ",", paramLabel = "COLUMN", description = "Columns made with transform token (default: those the record names).")
    List<String> tokens = new ArrayList<>();

    @Option(names = "--fpe", split = ",", paramLabel = "COLUMN", description = "Columns made with transform fpe (default: those the record names).")
    List<String> fpe = new ArrayList<>();

    @Option(names = "--key", paramLabel = "NAME", description = "The key they were made with (default: the one the record names).")
    String keyName;

    @Option(names = "--store", paramLabel = "FILE", description = "The key store (default: $MAMORI_KEYSTORE, else ~/.mamori/keys.json).")
    Path store;

    @Option(names = "--trust-record", description = "DATA was filtered or reordered after processing, so it no longer matches the record's SHA-256: restore fpe columns with the record's key anyway.")
    boolean trustRecord;

    @Option(names = "--no-progress", description = "No progress line (it is only shown when standard error is a terminal).")
    boolean noProgress;

    @picocli.CommandLine.Mixin
    CsvOptions csv = new CsvOptions();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path rec = record != null ? record : Files.isRegularFile(Relink.defaultRecord(data)) ? Relink.defaultRecord(data) : null;
        if (record != null && !Files.isRegularFile(record)) {
            throw new Main.UsageProblem(Terminal.safe(record.toString()) + ": 加工の記録がありません",
                    Terminal.safe(record.toString()) + ": no such processing record");
        }
        Path keys = Outputs.keyStore(store);
        OutputGuard.of().reads(data, "入力", "the input").reads(rec, "加工の記録", "the processing record").reads(keys, "鍵ストア", "the key store")
                .writes(output, "--output").check();
        KeyStore ks = KeysCommand.open(keys, spec.commandLine().getErr());
        Relink.Result r;
        try (ProgressLine p = new ProgressLine(Progress.forStderr(!noProgress), data)) {
            r = Relink.run(data, p.output(output, csv.bom()), ks, new Relink.Request(tokens, fpe, keyName, rec, trustRecord));
        }
        var out = spec.commandLine().getOut();
        out.println(Lang.tr(String.format("復元しました: %s（%,d 件）", Terminal.safe(output.toString()), r.rows()),
                String.format("restored: %s (%,d records)", Terminal.safe(output.toString()), r.rows())));
        r.columns().forEach((c, how) -> out.printf("  %s: %s%n", Terminal.safe(c), how.in(Lang.current().name())));
        return 0;
    }
}
