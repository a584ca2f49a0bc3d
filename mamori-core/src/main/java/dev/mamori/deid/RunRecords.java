package dev.mamori.deid;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mamori.report.Json;
import dev.mamori.report.Message;
import dev.mamori.risk.RiskReport;
import dev.mamori.risk.SearchResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every front door of {@code deid} (the command line on one machine, mamori-spark) makes the same way: the
 * policy the scripting options describe, the columns of the processing record, the items of the publication notice,
 * and the {@code --report-json} document.
 */
public final class RunRecords {

    private RunRecords() {
    }

    /**
     * The anonymous policy of {@code --mode anonymous --qi COLUMN=HIERARCHY … --k --l --suppression-limit --drop --keep}:
     * quasi-identifiers generalised, dropped columns deleted, kept columns kept (sensitive when they have an l).
     */
    public static Policy policyFromOptions(String mode, Map<String, String> qi, int k, Map<String, Integer> l, double suppressionLimit,
                                           List<String> drop, List<String> keep) {
        if (mode == null || qi.isEmpty() || k == 0) {
            throw new Message.Problem("--mode、--qi、--k を指定してください（または --policy FILE）", "give --mode, --qi and --k (or --policy FILE)");
        }
        if (k < 2) {
            throw new Message.Problem("--k " + k + ": 匿名加工情報には 2 以上の k が必要です（k = 1 ではどのレコードも元のままです）",
                    "--k " + k + ": 匿名加工情報 needs k of at least 2 (k = 1 leaves every record as it was)");
        }
        if (!(suppressionLimit >= 0 && suppressionLimit <= 1)) {
            throw new Message.Problem("--suppression-limit は 0 から 1 までの割合です（" + suppressionLimit + " は不可）",
                    "--suppression-limit is a share from 0 to 1, not " + suppressionLimit);
        }
        if (!mode.equals("anonymous")) {
            throw new Message.Problem("オプションで指定できるのは --mode anonymous だけです（仮名加工情報は方針ファイルで: mamori deid init DATA --mode pseudonymous）",
                    "only --mode anonymous can be given as options (仮名加工情報 needs a policy file: mamori deid init DATA --mode pseudonymous)");
        }
        l.forEach((c, n) -> {
            if (n < 2) {
                throw new Message.Problem("--l " + c + "=" + n + ": l-多様性の l は 2 以上です", "--l " + c + "=" + n + ": distinct l-diversity needs l of at least 2");
            }
        });
        Map<String, Policy.Column> columns = new LinkedHashMap<>();
        qi.forEach((c, f) -> columns.put(c, new Policy.Column(Policy.Role.QUASI_IDENTIFIER, Policy.Method.GENERALIZE, f, null)));
        drop.forEach(c -> columns.put(c, new Policy.Column(Policy.Role.IDENTIFIER, Policy.Method.DELETE, null, null)));
        keep.forEach(c -> columns.put(c, new Policy.Column(l.containsKey(c) ? Policy.Role.SENSITIVE : Policy.Role.INSENSITIVE,
                Policy.Method.KEEP, null, null)));
        return new Policy(Mode.ANONYMOUS, null, k, suppressionLimit, l, columns);
    }

    /** What was done to each column, for the processing record: never a key, only names and fingerprints. */
    public static List<ColumnAction> actions(Policy policy, SearchResult search, Key key) {
        List<ColumnAction> a = new ArrayList<>();
        policy.columns().forEach((c, col) -> a.add(ColumnAction.of(c, col, search == null ? null : search.levels().get(c), key)));
        return a;
    }

    /** The publication notice's input (公表事項): for 匿名加工情報 the items it holds, generalised ones marked. */
    public static NoticeInput notice(Policy policy, String operator, LocalDate created) {
        List<String> items = new ArrayList<>();
        if (policy.mode() == Mode.ANONYMOUS) {
            policy.columns().forEach((c, col) -> {
                if (col.method() != Policy.Method.DELETE) {
                    items.add(col.method() == Policy.Method.GENERALIZE ? c + "（一般化）" : c);
                }
            });
        }
        return new NoticeInput(policy.mode(), operator, created, items, policy.purpose(), null);
    }

    /** The {@code --report-json} document: the search figures, the risk before and after, and any extra figures. */
    public static String reportJson(SearchResult best, RiskReport before, RiskReport after, Map<String, Object> extra) {
        ObjectNode n = Json.object();
        n.put("mode", "anonymous");
        n.set("levels", Json.tree(best.levels()));
        n.put("loss", best.loss());
        n.put("suppressed", best.suppressed());
        n.put("min_class_size", best.minClassSize());
        n.put("classes", best.classes());
        n.put("nodes_evaluated", best.nodesEvaluated());
        n.put("elapsed_ms", best.elapsedMs());
        if (before != null) {
            n.set("risk_before", Json.tree(before));
            n.set("risk_after", Json.tree(after));
        }
        extra.forEach((k, v) -> n.set(k, Json.tree(v)));
        return Json.write(n);
    }
}
