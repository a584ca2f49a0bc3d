package dev.mamori.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.mamori.deid.Anonymization;
import dev.mamori.detect.Detector;
import dev.mamori.detect.Finding;
import dev.mamori.detect.LegalCategory;
import dev.mamori.detect.PiiType;
import dev.mamori.risk.Dataset;
import dev.mamori.risk.Hierarchy;
import dev.mamori.risk.LatticeSearch;
import dev.mamori.risk.PrivacyModel;
import dev.mamori.risk.RiskAnalyzer;
import dev.mamori.risk.RiskException;
import dev.mamori.risk.RiskReport;
import dev.mamori.risk.SearchResult;
import dev.mamori.table.Format;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mamori deid}: 匿名加工情報 from a CSV with the policy given on the command line (the policy
 * file, 仮名加工情報, the notices and the processing record come next, issue 3).
 */
@Command(name = "deid",
        mixinStandardHelpOptions = true,
        subcommands = {DeidInitCommand.class},
        sortOptions = false,
        description = {
                "Produce 匿名加工情報 (anonymously processed information, 施行規則34条) from a CSV: quasi-identifiers generalised by hierarchy to the least-loss transformation that meets k-anonymity (and l-diversity), failing records suppressed within a limit, identifier columns deleted. Every column must be named: --qi, --drop or --keep. Output that fails the model is not written.",
                "",
                "In progress (issue 3): policy files (deid init), 仮名加工情報, publication notice and processing record.",
                "",
                "Example (the ARX benchmark):",
                "  mamori deid adult.csv --mode anonymous --k 5 --suppression-limit 0.05 \\",
                "    --qi sex=adult_hierarchy_sex.csv --qi age=adult_hierarchy_age.csv ... --keep salary-class \\",
                "    --output adult-k5.csv --report-json adult-k5.json",
                ""})
public final class DeidCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DATA", arity = "0..1", description = "The CSV/TSV to process (encoding and delimiter detected); never modified.")
    Path data;

    @Option(names = "--mode", paramLabel = "MODE", description = "anonymous (匿名加工情報). pseudonymous comes with the policy file.")
    String mode;

    @Option(names = "--qi", paramLabel = "COLUMN=HIERARCHY.csv", description = "A quasi-identifier and its generalisation hierarchy (ARX's CSV format: value;level1;level2;…). Repeatable.")
    Map<String, Path> qi = new LinkedHashMap<>();

    @Option(names = "--k", paramLabel = "N", description = "Every combination of quasi-identifier values is shared by at least N records.")
    int k = 0;

    @Option(names = "--l", paramLabel = "COLUMN=N", description = "Distinct l-diversity of a sensitive column. Repeatable.")
    Map<String, Integer> l = new LinkedHashMap<>();

    @Option(names = "--suppression-limit", paramLabel = "SHARE", description = "Share of records that may be removed (default ${DEFAULT-VALUE}).")
    double suppressionLimit = 0;

    @Option(names = "--drop", split = ",", paramLabel = "COLUMN", description = "Columns to delete (identifiers, descriptions that identify a person).")
    List<String> drop = new ArrayList<>();

    @Option(names = "--keep", split = ",", paramLabel = "COLUMN", description = "Columns kept as they are (insensitive or sensitive attributes). They are scanned: a kept column that holds identifiers is refused.")
    List<String> keep = new ArrayList<>();

    @Option(names = "--output", paramLabel = "FILE", description = "The processed CSV, in the input's encoding and delimiter, written atomically.")
    Path output;

    @Option(names = "--report-json", paramLabel = "FILE", description = "The search and risk figures as JSON: levels, loss, suppressed, min_class_size, classes, elapsed_ms, risk before and after.")
    Path reportJson;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (data == null || mode == null || qi.isEmpty() || k < 1 || output == null) {
            throw new Main.UsageProblem("give DATA, --mode, --qi, --k and --output (or: mamori deid init DATA to propose a policy); see mamori deid --help");
        }
        if (!mode.equals("anonymous")) {
            throw new Main.UsageProblem("--mode " + mode + " is not available yet; use --mode anonymous");
        }
        if (Files.exists(output) && Files.isSameFile(output, data)) {
            throw new Main.UsageProblem("--output is the input file; Mamori never writes over its input");
        }
        TableFile in = TableFile.read(data);
        if (in.summary().format() != Format.CSV) {
            throw new Main.UsageProblem(data + ": deid reads CSV/TSV for now, not " + in.summary().format());
        }
        Dataset table = in.dataset();
        checkEveryColumnNamed(table);
        checkKeptColumns(table);
        try {
            List<Hierarchy> hierarchies = new ArrayList<>();
            qi.forEach((col, file) -> hierarchies.add(Hierarchy.readCsv(col, file)));
            PrivacyModel model = PrivacyModel.kAnonymity(k, suppressionLimit);
            for (Map.Entry<String, Integer> e : l.entrySet()) {
                model = model.withL(e.getKey(), e.getValue());
            }
            List<String> qiNames = List.copyOf(qi.keySet());
            List<String> sensitive = List.copyOf(l.keySet());
            RiskReport before = RiskAnalyzer.analyze(table, qiNames, sensitive, 1.0 / k);
            SearchResult best = LatticeSearch.of(table, hierarchies).search(model);
            Anonymization.Result result = Anonymization.apply(table, hierarchies, best.levels(), model, Set.copyOf(drop));
            RiskReport after = RiskAnalyzer.analyze(result.data(), qiNames, sensitive, 1.0 / k);
            if (result.suppressed() != best.suppressed() || after.minClassSize() < k
                    || sensitive.stream().anyMatch(s -> after.distinctL().get(s) < l.get(s))) {
                throw new Main.UsageProblem("the processed table does not meet the model (k " + after.minClassSize()
                        + "); nothing was written");
            }
            write(in, result.data());
            if (reportJson != null) {
                writeReport(best, before, after);
            }
            var out = spec.commandLine().getOut();
            out.printf("匿名加工情報: %s (%,d records, %,d suppressed)%n", output, result.data().rows().size(), result.suppressed());
            out.println("  levels: " + best.levels());
            out.printf("  loss %.5f, smallest class %d → %d, unique records %.2f%% → %.2f%%, search %d ms%n", best.loss(),
                    before.minClassSize(), after.minClassSize(), 100 * before.uniqueShare(), 100 * after.uniqueShare(), best.elapsedMs());
            return 0;
        } catch (RiskException e) {
            throw new Main.UsageProblem(e.getMessage());
        }
    }

    private void checkEveryColumnNamed(Dataset table) {
        Set<String> named = new LinkedHashSet<>(qi.keySet());
        named.addAll(drop);
        named.addAll(keep);
        for (String n : named) {
            table.column(n); // an unknown name lists the columns that exist
        }
        List<String> unnamed = table.columns().stream().filter(c -> !named.contains(c)).toList();
        if (!unnamed.isEmpty()) {
            throw new Main.UsageProblem("every column needs a role; not named by --qi, --drop or --keep: " + unnamed);
        }
    }

    /** 施行規則34条1号・2号: no identification code and no identifying description may stay in a kept column. */
    private void checkKeptColumns(Dataset table) {
        Detector detector = Detector.all();
        for (String col : keep) {
            int c = table.column(col);
            Map<PiiType, Integer> cells = new EnumMap<>(PiiType.class);
            for (String[] row : table.rows()) {
                for (Finding f : detector.detect(row[c], detector.contextFor(col))) {
                    cells.merge(f.type(), 1, Integer::sum);
                }
            }
            for (Map.Entry<PiiType, Integer> e : cells.entrySet()) {
                PiiType t = e.getKey();
                boolean identifying = t.category() == LegalCategory.IDENTIFICATION_CODE || t == PiiType.PERSON
                        || t == PiiType.EMAIL || t == PiiType.PHONE || t == PiiType.ADDRESS || t == PiiType.CREDIT_CARD
                        || t == PiiType.BANK_ACCOUNT;
                if (identifying && (e.getValue() >= 2 || e.getValue() == table.rows().size())) {
                    throw new Main.UsageProblem("column '" + col + "' holds " + t + " in " + e.getValue() + " cells: 匿名加工情報 may "
                            + "not keep 個人識別符号 or descriptions that identify a person (施行規則34条1号・2号); --drop it, or "
                            + "make it a quasi-identifier with a hierarchy");
                }
            }
        }
    }

    private void write(TableFile in, Dataset result) throws IOException {
        Path dir = output.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + output.getFileName(), ".part");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, in.summary().charset());
                 CsvWriter csv = CsvWriter.builder().fieldSeparator(in.summary().delimiter()).lineDelimiter(LineDelimiter.CRLF).build(w)) {
                csv.writeRecord(result.columns());
                for (String[] row : result.rows()) {
                    csv.writeRecord(row);
                }
            }
            Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private void writeReport(SearchResult best, RiskReport before, RiskReport after) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode n = json.createObjectNode();
        n.put("mode", "anonymous");
        n.set("levels", json.valueToTree(best.levels()));
        n.put("loss", best.loss());
        n.put("suppressed", best.suppressed());
        n.put("min_class_size", best.minClassSize());
        n.put("classes", best.classes());
        n.put("nodes_evaluated", best.nodesEvaluated());
        n.put("elapsed_ms", best.elapsedMs());
        n.set("risk_before", json.valueToTree(before));
        n.set("risk_after", json.valueToTree(after));
        Path tmp = Files.createTempFile(reportJson.toAbsolutePath().getParent(), "." + reportJson.getFileName(), ".part");
        Files.writeString(tmp, json.writeValueAsString(n));
        Files.move(tmp, reportJson, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
