package dev.mamori.deid;

import dev.mamori.data.DataFile;
import dev.mamori.detect.LegalCategory;
import dev.mamori.detect.PiiType;
import dev.mamori.report.Message;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The processing standards' rules on what a column that stays in the output may not hold (施行規則31条 for
 * 仮名加工情報, 34条 for 匿名加工情報), read from the data file {@code column-rules.tsv} beside this class: a
 * change of the law is a change of that file and a test.
 */
final class ColumnRules {

    /**
     * One rule: in {@code mode}, a column whose transform is in {@code transforms} may not hold any of
     * {@code types}.
     */
    record Rule(Mode mode, Set<Policy.Method> transforms, Set<PiiType> types, String article, Message why) {
    }

    static final List<Rule> RULES = load();

    private ColumnRules() {
    }

    /** Whether any rule looks at a column processed with {@code method} in {@code mode}. */
    static boolean checked(Mode mode, Policy.Method method) {
        return RULES.stream().anyMatch(r -> r.mode() == mode && r.transforms().contains(method));
    }

    /** The rule a column processed with {@code method} breaks by holding {@code type}, or null. */
    static Rule broken(Mode mode, Policy.Method method, PiiType type) {
        for (Rule r : RULES) {
            if (r.mode() == mode && r.transforms().contains(method) && r.types().contains(type)) {
                return r;
            }
        }
        return null;
    }

    private static List<Rule> load() {
        List<Rule> rules = new ArrayList<>();
        for (DataFile.Row r : DataFile.read(ColumnRules.class, "column-rules.tsv")) {
            if (r.fields().length != 6) {
                throw new IllegalStateException("column-rules.tsv:" + r.line() + ": expected 6 tab-separated fields");
            }
            rules.add(new Rule(Mode.valueOf(r.field(0).toUpperCase(Locale.ROOT)), transforms(r.field(1)), types(r.field(2)),
                    r.field(3), new Message(r.field(4), r.field(5))));
        }
        return List.copyOf(rules);
    }

    /** {@code *}: every transform that keeps the column; {@code !a,b}: those but a and b; {@code a,b}: a and b. */
    private static Set<Policy.Method> transforms(String spec) {
        Set<Policy.Method> keeping = EnumSet.complementOf(EnumSet.of(Policy.Method.DELETE));
        if (spec.equals("*")) {
            return keeping;
        }
        boolean but = spec.startsWith("!");
        Set<Policy.Method> named = EnumSet.noneOf(Policy.Method.class);
        Arrays.stream((but ? spec.substring(1) : spec).split(","))
                .forEach(m -> named.add(Policy.Method.valueOf(m.strip().toUpperCase(Locale.ROOT))));
        if (!but) {
            return named;
        }
        keeping.removeAll(named);
        return keeping;
    }

    private static Set<PiiType> types(String spec) {
        Set<PiiType> out = EnumSet.noneOf(PiiType.class);
        for (String t : spec.split(",")) {
            String s = t.strip();
            if (s.startsWith("@")) {
                LegalCategory c = LegalCategory.valueOf(s.substring(1));
                Arrays.stream(PiiType.values()).filter(p -> p.category() == c).forEach(out::add);
            } else {
                out.add(PiiType.valueOf(s));
            }
        }
        return out;
    }
}
