package dev.mamori.cli.deid;

import dev.mamori.cli.Outputs;

import dev.mamori.cli.Lang;
import dev.mamori.cli.Main;

import dev.mamori.deid.Mode;
import dev.mamori.deid.PolicyFile;
import dev.mamori.deid.PolicyProposal;
import dev.mamori.detect.FileReport;
import dev.mamori.detect.Scanner;
import dev.mamori.table.DocumentReader;
import dev.mamori.table.ReadException;
import dev.mamori.report.AtomicFiles;
import dev.mamori.report.OutputGuard;
import dev.mamori.report.Terminal;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mamori deid init}: propose a processing policy from what a scan finds in each column. */
@Command(resourceBundle = "dev.mamori.cli.deid.Help", name = "init",
        mixinStandardHelpOptions = true,
        description = {
                "Scan a table and propose a processing policy (YAML): every column's role (identifier, quasi-identifier, sensitive, insensitive, linking ID) and transform, each with the reason as a comment. Review and edit it, then apply it with: mamori deid --policy FILE DATA --output OUT",
                "",
                "Example:",
                "  mamori deid init examples/customers_cp932.csv --mode anonymous --output policy.yaml",
                ""})
public final class DeidInitCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DATA", descriptionKey = "data", description = "The table to propose a policy for.")
    Path data;

    @Option(names = "--mode", paramLabel = "MODE", description = "anonymous (匿名加工情報, default) or pseudonymous (仮名加工情報).")
    String mode = "anonymous";

    @Option(names = "--k", paramLabel = "N", description = "The k to propose (default ${DEFAULT-VALUE}).")
    int k = 5;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the policy here (atomically) instead of standard output.")
    Path output;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Mode m = switch (mode) {
            case "anonymous" -> Mode.ANONYMOUS;
            case "pseudonymous" -> Mode.PSEUDONYMOUS;
            default -> throw new Main.UsageProblem("--mode は anonymous か pseudonymous です（" + mode + " は不可）",
                    "--mode is anonymous or pseudonymous, not " + mode);
        };
        OutputGuard.of().reads(data, "入力", "the input").reads(Outputs.keyStore(null), "鍵ストア", "the key store").writes(output, "--output").check();
        FileReport report;
        // the table as deid reads it: its first row the header (no title lines told apart)
        try (Scanner scanner = new Scanner(Scanner.Options.defaults().withRead(DocumentReader.Options.defaults()))) {
            report = scanner.scan(data, data.toString(), f -> { });
        } catch (ReadException e) {
            throw new Main.UsageProblem(e);
        }
        if (report.unread() > 0) {
            throw new Main.UsageProblem(Terminal.safe(data.toString()) + ": " + report.unread() + " か所が読めませんでした。方針は表全体について"
                    + "決めるものです（どこが読めないかは mamori scan で確認できます）", Terminal.safe(data.toString()) + ": " + report.unread()
                    + " part(s) could not be read; a policy must name what the whole table holds (run mamori scan on it to see where)");
        }
        String yaml = PolicyFile.write(PolicyProposal.propose(report, m, k));
        if (output == null) {
            spec.commandLine().getOut().print(yaml);
        } else {
            AtomicFiles.writeString(output, yaml);
            spec.commandLine().getOut().println(Lang.tr("処理方針の案を書き出しました: " + Terminal.safe(output.toString())
                    + "（適用する前にすべての列を確認してください" + (m == Mode.PSEUDONYMOUS ? "。purpose に利用目的を書いてください）" : "）"),
                    "policy proposed: " + Terminal.safe(output.toString()) + " (review every column before you apply it"
                            + (m == Mode.PSEUDONYMOUS ? "; write the 利用目的 under purpose)" : ")")));
        }
        return 0;
    }
}
