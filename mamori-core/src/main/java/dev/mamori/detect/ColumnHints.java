package dev.mamori.detect;

import dev.mamori.data.DataFile;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The types a table column's header suggests: 氏名 → PERSON, 電話番号 → PHONE, 生年月日 →
 * DATE_OF_BIRTH, … Headers are matched after NFKC normalisation, lower-cased, by substring, with
 * exclusions ({@code 会社名} is not a person's name) and whole-header words ({@code =lat}). Entries live in
 * {@code column-headers.tsv}.
 */
public final class ColumnHints {

    /** Blanks and separators a header may have anywhere (compiled once: names in free text are checked too). */
    private static final Pattern IGNORED = Pattern.compile("[\\s_\\-・()（）]");

    private record Entry(PiiType type, String word, boolean negative, boolean whole) {
    }

    private static final ColumnHints DEFAULT = new ColumnHints(DataFile.read(ColumnHints.class, "column-headers.tsv"));

    private final List<Entry> entries;

    private ColumnHints(List<DataFile.Row> rows) {
        List<Entry> l = new ArrayList<>();
        for (DataFile.Row r : rows) {
            String w = r.field(1);
            boolean neg = w.startsWith("!");
            String word = neg ? w.substring(1) : w;
            boolean whole = word.startsWith("="); // !=口座名: excludes only the whole header (not 口座名義)
            l.add(new Entry(PiiType.valueOf(r.field(0)), normalise(whole ? word.substring(1) : word), neg, whole));
        }
        entries = List.copyOf(l);
    }

    public static ColumnHints get() {
        return DEFAULT;
    }

    /** The types the header suggests, possibly none. */
    public Set<PiiType> forHeader(String header) {
        if (header == null || header.isBlank()) {
            return Set.of();
        }
        if (header.length() > MAX_SEEN_LENGTH) {
            return typesOf(header);
        }
        Set<PiiType> known = seen.get(header);
        if (known != null) {
            return known;
        }
        Set<PiiType> types = typesOf(header);
        if (seen.size() < MAX_SEEN) {
            seen.put(header, types);
        }
        return types;
    }

    /**
     * The headers and labels met so far and their types: a text's labels (担当：, 病名：) are looked up for every line that
     * has one, and the same few recur. Bounded: past {@link #MAX_SEEN} labels, new ones are worked out each time.
     */
    private final java.util.concurrent.ConcurrentHashMap<String, Set<PiiType>> seen = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_SEEN = 4096;
    /** Only headers and labels this short are remembered (a label found in text may be a long run of words). */
    private static final int MAX_SEEN_LENGTH = 64;

    private Set<PiiType> typesOf(String header) {
        String h = normalise(header);
        EnumSet<PiiType> yes = EnumSet.noneOf(PiiType.class);
        EnumSet<PiiType> no = EnumSet.noneOf(PiiType.class);
        for (Entry e : entries) {
            if (e.whole ? h.equals(e.word) : h.contains(e.word)) {
                (e.negative ? no : yes).add(e.type);
            }
        }
        yes.removeAll(no);
        return yes.isEmpty() ? Set.of() : Set.copyOf(yes);
    }

    /** The identifiers a valid check digit decides, which a header may name something else than. */
    private static final Set<PiiType> CHECKED = EnumSet.of(PiiType.MY_NUMBER, PiiType.CORPORATE_NUMBER, PiiType.CREDIT_CARD,
            PiiType.PHONE); // and a phone, which its shape alone decides (注文番号: 0312345678)

    /**
     * The identifiers decided by a check digit (個人番号, 法人番号, cards) that a column with this header does not hold: the
     * header names another number ({@code context-words.tsv}'s words against the type: 会員番号, 注文番号, 伝票番号) and not the
     * type. About one number in ten passes a check digit by chance; in free text the label before a number says what it
     * is, and in a table its header does.
     */
    public Set<PiiType> against(String header) {
        if (header == null || header.isBlank()) {
            return Set.of();
        }
        Set<PiiType> hints = forHeader(header);
        EnumSet<PiiType> out = EnumSet.noneOf(PiiType.class);
        for (PiiType t : CHECKED) {
            double score = ContextWords.get().score(t, header, header.length(), header.length());
            // a phone: only under the header of an order's or a product's number (-0.8), not 会員番号 (-0.7: shops use the phone)
            if (!hints.contains(t) && score < (t == PiiType.PHONE ? -0.75 : 0)) {
                out.add(t);
            }
        }
        return out.isEmpty() ? Set.of() : Set.copyOf(out);
    }

    /**
     * The types of each header of one table: {@link #forHeader} for each, and then 記号, 番号 and 枝番 (kigo, symbol, …; 記号・番号,
     * 記号/番号, 記号及び番号 as one column) of a table that also has a health-insurance column (保険者番号, 被保険者…) are
     * HEALTH_INSURANCE too: the 被保険者証's 記号・番号・保険者番号 together are the identifier (施行令1条7号, 施行規則3条), and a
     * table splits them into columns.
     */
    public List<Set<PiiType>> forHeaders(List<String> headers) {
        List<Set<PiiType>> out = new ArrayList<>(headers.size());
        boolean insurance = false;
        boolean names = false; // a column of names besides any of readings
        for (String h : headers) {
            Set<PiiType> t = forHeader(h);
            insurance |= t.contains(PiiType.HEALTH_INSURANCE);
            names |= t.contains(PiiType.PERSON) && !(h != null && READINGS.contains(normalise(h)));
            out.add(t);
        }
        for (int i = 0; i < headers.size() && !names; i++) {
            if (headers.get(i) != null && READINGS.contains(normalise(headers.get(i))) && out.get(i).contains(PiiType.PERSON)) {
                EnumSet<PiiType> t = EnumSet.noneOf(PiiType.class);
                t.addAll(out.get(i));
                t.remove(PiiType.PERSON);
                out.set(i, Set.copyOf(t)); // 花の名前⇥読み, 品種⇥読み: a glossary's readings, not people's
            }
        }
        if (insurance) {
            for (int i = 0; i < headers.size(); i++) {
                String h = headers.get(i) == null ? "" : normalise(headers.get(i));
                if (INSURANCE_PARTS.contains(h) || h.startsWith("記号") && h.contains("番号") && h.length() <= 8) { // 記号/番号, 記号及び番号
                    EnumSet<PiiType> t = EnumSet.of(PiiType.HEALTH_INSURANCE);
                    t.addAll(out.get(i));
                    out.set(i, Set.copyOf(t));
                }
            }
        }
        return out;
    }

    /**
     * Which part of the 被保険者証 a column of {@code types} (from {@link #forHeaders}) holds by its header: 記号 and 番号
     * together (健保記号・番号, 記号番号), or the 記号 alone (記号, 記号（左づめ）, kigo, insuredCardSymbol).
     */
    ScanContext.CardField cardField(String header, Set<PiiType> types) {
        if (header == null || !types.contains(PiiType.HEALTH_INSURANCE)) {
            return ScanContext.CardField.NONE;
        }
        String h = normalise(header);
        int symbol = h.indexOf("記号");
        if (symbol >= 0) {
            return h.indexOf("番号", symbol) > 0 ? ScanContext.CardField.SYMBOL_AND_NUMBER : ScanContext.CardField.SYMBOL;
        }
        return h.equals("kigo") || h.equals("symbol") || h.endsWith("cardsymbol") ? ScanContext.CardField.SYMBOL
                : ScanContext.CardField.NONE;
    }

    /** {@link #cardField} of each header and its types. */
    List<ScanContext.CardField> cardFields(List<String> headers, List<Set<PiiType>> types) {
        List<ScanContext.CardField> out = new ArrayList<>(headers.size());
        for (int i = 0; i < headers.size(); i++) {
            out.add(cardField(headers.get(i), types.get(i)));
        }
        return out;
    }

    /**
     * Headings of a reading that say no more (よみ, 読み): a person's only beside a column of names (氏名 | よみ); a glossary's
     * or a place list's otherwise. フリガナ and ふりがな are always a name's.
     */
    private static final Set<String> READINGS = Set.of("よみ", "読み", "よみがな", "読み仮名");

    /**
     * 記号, 番号 and 枝番 (記号・番号 as one column), and as databases and XML name them in English or romanised (after
     * {@link #normalise}).
     */
    private static final Set<String> INSURANCE_PARTS = Set.of("記号", "番号", "枝番", "記号番号", "kigo", "bango", "edaban", "symbol",
            "number", "branchnumber", "branchno", "branch");

    static String normalise(String s) {
        return IGNORED.matcher(Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)).replaceAll("");
    }
}
