package dev.mamori.deid;

import dev.mamori.report.Message;

import dev.mamori.risk.Dataset;
import dev.mamori.risk.Hierarchy;
import dev.mamori.risk.LatticeSearch;
import dev.mamori.risk.PrivacyModel;
import dev.mamori.risk.RiskAnalyzer;
import dev.mamori.risk.RiskReport;
import dev.mamori.risk.SearchResult;
import dev.mamori.table.ReadSummary;
import dev.mamori.table.WholeTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies an approved {@link Policy} to a table and proves the result. Anonymous mode (匿名加工情報,
 * 施行規則34条): identifiers deleted (1号・2号), linking IDs replaced by values that cannot be
 * restored (3号: a pseudonym under a key that is thrown away), quasi-identifiers generalised to the
 * least-loss transformation meeting the privacy model with outliers suppressed (4号), kept columns
 * checked for identifiers; the output's own risk is measured, and a result that fails the model is
 * refused rather than returned.
 */
public final class Deidentifier {

    /** The processed table and the figures that prove it. */
    public record Result(Dataset data, SearchResult search, RiskReport before, RiskReport after, int suppressed, List<Generalisation.Warning> warnings) {
    }

    private Deidentifier() {
    }

    /**
     * @param baseDir where hierarchy files named relatively in the policy are (the policy's folder)
     */
    public static Result anonymize(Dataset data, Policy policy, Path baseDir) {
        if (policy.mode() != Mode.ANONYMOUS) {
            throw new IllegalArgumentException("this policy is for " + policy.mode() + "; anonymize needs mode anonymous");
        }
        checkColumns(data, policy);
        List<Hierarchy> hierarchies = new ArrayList<>();
        Set<String> deleted = new HashSet<>();
        List<String> qi = new ArrayList<>();
        Key throwaway = Key.ephemeral("linking-ids");
        List<String[]> rows = new ArrayList<>(data.rows().size());
        data.rows().forEach(r -> rows.add(r.clone()));
        for (Map.Entry<String, Policy.Column> e : policy.columns().entrySet()) {
            String name = e.getKey();
            Policy.Column c = e.getValue();
            int col = data.column(name);
            switch (c.method()) {
                case DELETE -> deleted.add(name);
                case GENERALIZE -> {
                    hierarchies.add(Hierarchies.resolve(name, c.hierarchy(), data, col, baseDir));
                    qi.add(name);
                }
                case KEEP -> checkKept(data, name, col);
                case PSEUDONYM, TOKEN, FPE -> throw new IllegalArgumentException("column '" + name + "': transform " + c.method().yamlName()
                        + " keeps a way back to the person; 匿名加工情報 must not be restorable (施行規則34条"
                        + (c.role() == Policy.Role.LINKING_ID ? "3号); use random_id" : "); use delete, random_id, redact or generalize"));
                case MASK, RANDOM_ID, REDACT -> apply(rows, col, c.method().transform(name, null, throwaway));
            }
        }
        if (qi.isEmpty()) {
            throw new Message.Problem("準識別子がありません: 少なくとも 1 列を role quasi_identifier にしてください",
                    "no quasi-identifier: name at least one column with role quasi_identifier");
        }
        PrivacyModel model = policy.privacyModel();
        Dataset transformed = new Dataset(data.columns(), rows);
        List<String> sensitive = List.copyOf(policy.l().keySet());
        RiskReport before = RiskAnalyzer.analyze(data, qi, sensitive, 1.0 / policy.k());
        LatticeSearch search = LatticeSearch.of(transformed, hierarchies);
        SearchResult best = search.search(model);
        Anonymization.Result r = Anonymization.apply(transformed, hierarchies, best.levels(), model, deleted);
        RiskReport after = RiskAnalyzer.analyze(r.data(), qi, sensitive, 1.0 / policy.k());
        boolean lHolds = sensitive.stream().allMatch(s -> after.distinctL().get(s) >= policy.l().get(s));
        if (r.suppressed() != best.suppressed() || after.minClassSize() < policy.k() || !lHolds) {
            throw new IllegalStateException("the processed table does not meet the model (smallest class "
                    + after.minClassSize() + "); nothing is returned");
        }
        return new Result(r.data(), best, before, after, r.suppressed(),
                Generalisation.warnings(transformed, hierarchies, best, search, model));
    }

    /**
     * What {@link #anonymize(Path, Policy, Path, Output)} did.
     *
     * @param result       the processed table and its figures
     * @param rowsIn       records read
     * @param read         how the input was read
     * @param outputSha256 SHA-256 of the output's bytes
     */
    public record Written(Result result, long rowsIn, ReadSummary read, String outputSha256) {
    }

    /**
     * 匿名加工情報 from a CSV/TSV that fits in memory, written in the input's encoding and delimiter; a result that
     * fails the model, or damaged input, writes nothing. For any size, {@link TwoPassAnonymizer}.
     */
    public static Written anonymize(Path input, Policy policy, Path baseDir, Output output) throws IOException {
        output.progress().pass(1, 1);
        WholeTable in = WholeTable.read(input);
        if (in.summary().format() != dev.mamori.table.Format.CSV) {
            throw TableStream.notCsv(input, in.summary().format());
        }
        Result r = anonymize(Dataset.of(in), policy, baseDir);
        try (CsvOutput out = CsvOutput.open(output.path(), in.summary().charset(), in.summary().delimiter(), output.bom(), false)) {
            out.write(r.data().columns());
            for (String[] row : r.data().rows()) {
                out.write(row);
            }
            return new Written(r, in.rows().size(), in.summary(), out.commit());
        }
    }

    /**
     * Pseudonymous mode (仮名加工情報, 施行規則31条) on a table in memory: descriptions that identify a person
     * deleted or replaced by a 仮ID (1号), every 個人識別符号 deleted or replaced by a 仮ID that has no
     * regularity to restore it without the key (2号; a reversible token is refused), items whose
     * misuse could cause financial damage deleted (3号). The key comes from the key store and stays
     * there: it is 削除情報等 (法41条2項) and never travels with the data. For files of any length use
     * {@link #pseudonymize(Path, Policy, Key, Output)}.
     *
     * @param key the key for pseudonym and token columns, or null when the policy has none
     */
    public static Result pseudonymize(Dataset data, Policy policy, Key key) {
        Pseudonymizer p = new Pseudonymizer(data.columns(), policy, key);
        List<String[]> out = new ArrayList<>(data.rows().size());
        for (String[] r : data.rows()) {
            out.add(p.apply(java.util.Arrays.asList(r)));
        }
        p.finish();
        return new Result(new Dataset(p.outputHeader(), out), null, null, null, 0, List.of());
    }

    /**
     * What a streamed run did.
     *
     * @param rowsIn       records read
     * @param rowsOut      records written
     * @param read         how the input was read (format, encoding, delimiter)
     * @param outputSha256 SHA-256 of the output's bytes
     */
    public record Streamed(long rowsIn, long rowsOut, ReadSummary read, String outputSha256) {
    }

    /**
     * 仮名加工情報 from a CSV/TSV of any length, in one pass: rows are read, processed and written as they
     * come, every kept column is checked on every row, and the output (in the input's encoding and
     * delimiter) appears only when the whole input was processed; damaged input or a refused column
     * stops the run and writes nothing.
     */
    public static Streamed pseudonymize(Path input, Policy policy, Key key, Output output) throws IOException {
        ReadSummary[] read = {null};
        output.progress().pass(1, 1);
        try (CsvOutput out = TableStream.output(input, output, true, read)) {
            Pseudonymizer[] p = {null};
            read[0] = TableStream.read(input, new TableStream.Rows() {
                @Override
                public void table(String sheet, List<String> header) {
                    p[0] = new Pseudonymizer(header, policy, key);
                    write(out, p[0].outputHeader());
                }

                @Override
                public void row(long row, long line, List<String> cells) {
                    String[] r;
                    try {
                        r = p[0].apply(cells);
                    } catch (IllegalArgumentException e) {
                        throw new Message.Problem(Message.of(e).after(input + ": " + line + " 行目: ", input + ": line " + line + ": "));
                    }
                    write(out, java.util.Arrays.asList(r));
                }
            }, output.progress());
            if (p[0] == null) {
                throw new Message.Problem(input + ": 見出し行がありません。方針は表の列を名前で指定します",
                        input + ": no header row; a policy names the columns of a table");
            }
            long rows = p[0].finish();
            return new Streamed(rows, rows, read[0], out.commit());
        }
    }

    private static void write(CsvOutput out, List<String> record) {
        try {
            out.write(record);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void apply(List<String[]> rows, int col, Transform t) {
        for (String[] r : rows) {
            r[col] = t.apply(r[col]);
        }
    }

    static void checkColumns(Dataset data, Policy policy) {
        checkColumns(data.columns(), policy);
    }

    /** Every column of the input is named in the policy, and every column the policy names is in the input. */
    static void checkColumns(List<String> header, Policy policy) {
        Set<String> named = new LinkedHashSet<>(policy.columns().keySet());
        List<String> missing = named.stream().filter(n -> !header.contains(n)).toList();
        if (!missing.isEmpty()) {
            throw new Message.Problem("方針にある " + missing + " が入力にありません。入力の列は " + header + " です",
                    "the policy names " + missing + ", which the input does not have; its columns are " + header);
        }
        List<String> unnamed = header.stream().filter(c -> !named.contains(c)).toList();
        if (!unnamed.isEmpty()) {
            throw new Message.Problem("すべての列に役割が必要です。方針に " + unnamed + " がありません",
                    "every column needs a role; the policy does not name " + unnamed);
        }
        if (new HashSet<>(header).size() != header.size()) {
            throw new Message.Problem("入力に同じ名前の列が 2 つあります。列にはそれぞれ別の名前が必要です",
                    "the input names a column twice; every column needs a name of its own");
        }
    }

    /** 施行規則34条1号・2号: no 個人識別符号 and no description that identifies a person may stay in a kept column. */
    static void checkKept(Dataset data, String name, int col) {
        ColumnCheck check = ColumnCheck.of(name, Mode.ANONYMOUS, Policy.Method.KEEP);
        for (String[] row : data.rows()) {
            check.accept(row[col]);
        }
        check.finish(data.rows().size());
    }
}
