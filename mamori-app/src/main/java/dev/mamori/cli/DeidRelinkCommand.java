package dev.mamori.cli;

import dev.mamori.deid.FormatPreserving;
import dev.mamori.deid.Key;
import dev.mamori.deid.KeyStore;
import dev.mamori.deid.Tokenize;
import dev.mamori.risk.Dataset;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mamori deid relink}: the key holder restores tokenised or FF1-encrypted columns of
 * 仮名加工情報 (a use the law reserves to the business that holds the 削除情報等, 法41条).
 */
@Command(name = "relink",
        mixinStandardHelpOptions = true,
        description = {
                "Restore the columns of 仮名加工情報 that were tokenised (token) or encrypted format-preservingly (fpe), with the key from the key store. Only the holder of the 削除情報等 may do this (個人情報保護法41条); a wrong key is refused and nothing is written.",
                "",
                "Example:",
                "  mamori deid relink pseudo.csv --token 顧客番号 --key customers --output relinked.csv",
                ""})
public final class DeidRelinkCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DATA", description = "The 仮名加工情報 CSV.")
    Path data;

    @Option(names = "--token", split = ",", paramLabel = "COLUMN", description = "Columns made with transform token.")
    List<String> tokens = new ArrayList<>();

    @Option(names = "--fpe", split = ",", paramLabel = "COLUMN", description = "Columns made with transform fpe.")
    List<String> fpe = new ArrayList<>();

    @Option(names = "--key", required = true, paramLabel = "NAME", description = "The key they were made with.")
    String keyName;

    @Option(names = "--store", paramLabel = "FILE", description = "The key store (default: $MAMORI_KEYSTORE, else ~/.mamori/keys.json).")
    Path store;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "The re-linked CSV, written atomically.")
    Path output;

    @Override
    public Integer call() throws IOException {
        if (tokens.isEmpty() && fpe.isEmpty()) {
            throw new Main.UsageProblem("name the columns to restore with --token or --fpe");
        }
        Key key;
        try {
            key = KeyStore.open(store != null ? store : KeysCommand.defaultStore()).get(keyName);
        } catch (IOException | IllegalArgumentException e) {
            throw new Main.UsageProblem(e.getMessage());
        }
        TableFile in = TableFile.read(data);
        Dataset t = in.dataset();
        UnaryOperator<String>[] restore = restorers(t, key);
        List<String[]> rows = new ArrayList<>(t.rows().size());
        int row = 1;
        for (String[] r : t.rows()) {
            String[] o = r.clone();
            for (int c = 0; c < o.length; c++) {
                if (restore[c] != null && o[c] != null && !o[c].isEmpty()) {
                    try {
                        o[c] = restore[c].apply(o[c]);
                    } catch (IllegalArgumentException e) {
                        throw new Main.UsageProblem(data + ": data row " + row + ", column '" + t.columns().get(c) + "': " + e.getMessage()
                                + "; nothing was written");
                    }
                }
            }
            rows.add(o);
            row++;
        }
        in.writeLike(output, new Dataset(t.columns(), rows));
        return 0;
    }

    @SuppressWarnings("unchecked")
    private UnaryOperator<String>[] restorers(Dataset t, Key key) {
        UnaryOperator<String>[] r = new UnaryOperator[t.columns().size()];
        Tokenize token = new Tokenize(key);
        FormatPreserving ff1 = new FormatPreserving(key);
        try {
            tokens.forEach(c -> r[t.column(c)] = token::detokenize);
            fpe.forEach(c -> r[t.column(c)] = ff1::decrypt);
        } catch (RuntimeException e) {
            throw new Main.UsageProblem(e.getMessage());
        }
        return r;
    }
}
