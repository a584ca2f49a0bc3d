package dev.mamori.deid;

import dev.mamori.report.Message;
import dev.mamori.risk.Dataset;
import dev.mamori.risk.Hierarchy;
import dev.mamori.risk.LatticeSearch;
import dev.mamori.risk.PrivacyModel;
import dev.mamori.risk.SearchResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the chosen generalisation costs the user, said plainly: a quasi-identifier generalised so far that
 * every record has the same value (usually {@code *}) carries nothing any more, and the user should know
 * what keeping one level of it would cost — the loss of that transformation, or that it does not meet the
 * privacy model within the suppression limit.
 */
public final class Generalisation {

    /**
     * A quasi-identifier that says nothing after processing.
     *
     * @param column      the column
     * @param level       the level chosen (every record has the same value there)
     * @param loss        the loss of the chosen transformation
     * @param oneLessLoss the loss with this column one level lower and the others as chosen
     * @param oneLessMeetsModel whether that transformation meets k (and l) within the suppression limit
     * @param oneLessSuppressed the records it would suppress
     */
    public record Warning(String column, int level, double loss, double oneLessLoss, boolean oneLessMeetsModel,
                          int oneLessSuppressed) {

        /** For people, in Japanese and English. */
        public Message message() {
            String ja = "準識別子「" + column + "」はすべてのレコードで同じ値に一般化されました（レベル " + level + "）。この列は何の情報も残していません。";
            String en = "quasi-identifier '" + column + "' is generalised to the same value for every record (level " + level
                    + "): the column carries no information.";
            if (oneLessMeetsModel) {
                ja += String.format(Locale.ROOT, " 1 段階残す（レベル %d）と情報損失は %.5f → %.5f です。", level - 1, loss, oneLessLoss);
                en += String.format(Locale.ROOT, " Keeping one level (level %d) would raise the loss from %.5f to %.5f.", level - 1, loss, oneLessLoss);
            } else {
                ja += String.format(Locale.ROOT, " 1 段階残す（レベル %d）と %,d 件を削除しても k（と l）を満たしません。"
                        + "抑制の上限を上げるか、他の準識別子をより粗くする必要があります。", level - 1, oneLessSuppressed);
                en += String.format(Locale.ROOT, " Keeping one level (level %d) would not meet k (and l) within the suppression"
                        + " limit (%,d records would fail); raise the limit or coarsen another quasi-identifier.", level - 1, oneLessSuppressed);
            }
            return new Message(ja, en);
        }
    }

    private Generalisation() {
    }

    /**
     * The quasi-identifiers {@code best} leaves with one value.
     *
     * @param values a table holding every value of each quasi-identifier (the data, or its distinct combinations)
     */
    static List<Warning> warnings(Dataset values, List<Hierarchy> hierarchies, SearchResult best, LatticeSearch search,
                                  PrivacyModel model) {
        List<Warning> out = new ArrayList<>();
        for (Hierarchy h : hierarchies) {
            int level = best.levels().getOrDefault(h.column(), 0);
            if (level == 0 || !single(values, h, level)) {
                continue;
            }
            Map<String, Integer> oneLess = new LinkedHashMap<>(best.levels());
            oneLess.put(h.column(), level - 1);
            SearchResult alt = search.evaluate(oneLess, model);
            out.add(new Warning(h.column(), level, best.loss(), alt.loss(), search.feasible(oneLess, model), alt.suppressed()));
        }
        return List.copyOf(out);
    }

    private static boolean single(Dataset values, Hierarchy h, int level) {
        int col = values.column(h.column());
        Set<String> seen = new HashSet<>();
        for (String[] r : values.rows()) {
            seen.add(h.generalize(r[col], level));
            if (seen.size() > 1) {
                return false;
            }
        }
        return true;
    }
}
