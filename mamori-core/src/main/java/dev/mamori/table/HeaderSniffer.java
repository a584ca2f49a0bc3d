package dev.mamori.table;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Tells a table's header row from a first row of data, so that a table without a header does not
 * have its first record (a My Number, a card number, a phone) taken for column names: printed
 * unmasked as a column name and never scanned.
 *
 * <p>The rule compares, column by column, the shape of the first row's cell with the shape most of
 * the cells below it have (up to {@link #SAMPLE} rows). Shapes: a long digit string ({@code ≥ 7}
 * digits with only separators: phones, 個人番号, cards, 〒), a full date (西暦 or 和暦), an e-mail, a
 * short number, a code ({@code C0001}), text. A first-row cell with the same identifier-like shape
 * (long digits, date, e-mail) as its column below votes "data"; a text cell over a column of numbers,
 * dates, e-mails or codes votes "header". The first row is data when it has at least one "data" vote
 * and no more "header" votes than "data" votes. A header row of labels (氏名, 住所, 電話番号, 生年月日)
 * never has a "data" vote, so it stays a header. With no row below, the first row is data when one of
 * its cells has an identifier-like shape. Rows of names and addresses only cannot be told apart and are
 * taken to have a header, as before.
 *
 * <p>A table without a header gets the column names {@code 列1}, {@code 列2}, … ({@link #names}).
 */
final class HeaderSniffer {

    /** Rows below the first that are compared with it. */
    static final int SAMPLE = 20;

    private enum Shape { TEXT, NUMBER, CODE, LONG_DIGITS, DATE, EMAIL;

        boolean identifierLike() {
            return this == LONG_DIGITS || this == DATE || this == EMAIL;
        }
    }

    private static final Pattern DATE = Pattern.compile(
            "(\\d{4}\\s*[-/.年]\\s*\\d{1,2}\\s*[-/.月]\\s*\\d{1,2}\\s*日?"
            + "|(明治|大正|昭和|平成|令和|[MTSHRmtshr]\\.?)\\s*(\\d{1,2}|元)\\s*[-/.年]\\s*\\d{1,2}\\s*[-/.月]\\s*\\d{1,2}\\s*日?"
            + "|\\d{1,2}/\\d{1,2}/\\d{4})"
            + "([ T]\\d{1,2}:\\d{2}(:\\d{2})?)?");
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
    private static final Pattern CODE = Pattern.compile("[A-Za-z]{1,4}[-_]?\\d{2,}");

    private HeaderSniffer() {
    }

    /** {@code 列1} … {@code 列n}: the column names of a table without a header row. */
    static List<String> names(int width) {
        List<String> n = new ArrayList<>(width);
        for (int i = 1; i <= width; i++) {
            n.add("列" + i);
        }
        return List.copyOf(n);
    }

    /** True when {@code first} looks like a row of data rather than a header, judged against the rows below it. */
    static boolean isData(List<String> first, List<List<String>> below) {
        int[] v = votes(first, below);
        return v[0] > 0 && v[0] >= v[1];
    }

    /** True when {@code row} is surely a header over {@code below}: labels over numbers, dates or e-mails, nothing like data. */
    static boolean isHeader(List<String> row, List<List<String>> below) {
        int[] v = votes(row, below);
        return v[0] == 0 && v[1] > 0;
    }

    /** The "data" and the "header" votes of {@code first} against the rows below it (see the class documentation). */
    private static int[] votes(List<String> first, List<List<String>> below) {
        int data = 0;
        int header = 0;
        for (int col = 0; col < first.size(); col++) {
            Shape top = shape(first.get(col));
            if (top == null) {
                continue;
            }
            if (below.isEmpty()) {
                data += top.identifierLike() ? 1 : 0;
                continue;
            }
            Shape usual = usual(below, col);
            if (usual == null) {
                continue;
            }
            if (top.identifierLike() && top == usual) {
                data++;
            } else if (top == Shape.TEXT && usual != Shape.TEXT) {
                header++;
            }
        }
        return new int[] {data, header};
    }

    /** Title lines looked for at the top of a table: at most this many. */
    static final int MAX_PREAMBLE = 10;

    /**
     * How many of the first rows are a title, a date or an author above the table (会員名簿, 作成日：…, 作成者：総務課
     * 田中一郎; a card statement's first line with its holder's name), as Japanese sheets and exports have them: the rows,
     * at most {@link #MAX_PREAMBLE}, before the first row that is not such a line ({@link #isTitle}), and the upper row of
     * a two-level header. None in a table whose rows are narrower than three cells, and none when every row is such a line.
     */
    static int preamble(List<List<String>> rows) {
        int width = width(rows);
        if (width < 3) {
            return 0;
        }
        int first = 0;
        while (first < rows.size() && first <= MAX_PREAMBLE && isTitle(rows.get(first), width)) {
            first++;
        }
        // a two-level header: a sparse row of groups (会員情報,,,連絡先) over a row that is surely a header (labels over a
        // column of numbers, dates or e-mails, and nothing shaped like data); a sparse row over data is a header with
        // merged cells' gaps (氏名,,住所,,,郵便番号)
        if (first + 2 < rows.size() && first < MAX_PREAMBLE && 2 * filled(rows.get(first)) <= width
                && isHeader(rows.get(first + 1), rows.subList(first + 2, rows.size()))) {
            first++;
        }
        return first == rows.size() || first > MAX_PREAMBLE ? 0 : first;
    }

    /**
     * The table's width: the count of filled cells most rows of three or more have (the larger on a tie), so that neither
     * the title lines, nor the notes under a short table, nor one row with remarks in extra columns decide it.
     */
    private static int width(List<List<String>> rows) {
        Map<Integer, Integer> n = new HashMap<>();
        for (List<String> r : rows) {
            int f = filled(r);
            if (f >= 3) {
                n.merge(f, 1, Integer::sum);
            }
        }
        int best = 0;
        int count = 0;
        for (Map.Entry<Integer, Integer> e : n.entrySet()) {
            if (e.getValue() > count || e.getValue() == count && e.getKey() > best) {
                best = e.getKey();
                count = e.getValue();
            }
        }
        return best;
    }

    /**
     * A title line above a table {@code width} cells wide: one cell or none, or two cells at its left, a label and its
     * value ({@code 作成日 | 2024/4/1}, {@code 山田 太郎 様 | 4980-****-****-1234}) in a table at least four wide. A header's
     * cells spread across the table, gaps and all ({@code 氏名,,住所,,,郵便番号}), and a header naming three columns or more
     * is a header however wide the rows below.
     */
    static boolean isTitle(List<String> row, int width) {
        int filled = filled(row);
        if (filled <= 1) {
            return true;
        }
        int last = row.size() - 1;
        while (last >= 0 && (row.get(last) == null || row.get(last).isBlank())) {
            last--;
        }
        return filled == 2 && 2 * (last + 1) <= width;
    }

    private static int filled(List<String> row) {
        int n = 0;
        for (String c : row) {
            n += c == null || c.isBlank() ? 0 : 1;
        }
        return n;
    }

    /**
     * The verdict on the first records of delimited text, from the head of the input: the records that
     * lie wholly inside {@code head} (all of them when {@code complete}), the title lines above the table
     * ({@link #preamble}; looked for only when {@code titles}), the first record after them and up to
     * {@link #SAMPLE} more. Both sequential and parallel reading decide from the same head, so they agree.
     *
     * @return the title lines, the first record's cells (null when the head holds no complete record) and whether it
     *         is data
     */
    static Verdict sniff(String head, boolean complete, char delimiter, boolean titles) {
        List<List<String>> records = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        int most = SAMPLE + 1 + MAX_PREAMBLE;
        try {
            for (CsvRecord r : CsvTableReader.builder(delimiter).ofCsvRecord(head)) {
                records.add(r.getFields());
                lines.add(r.getStartingLineNumber());
                if (records.size() > most) {
                    break; // one more than needed: the last may be cut off by the end of the head
                }
            }
        } catch (RuntimeException e) {
            // a record FastCSV cannot read: judge by the records before it
        }
        if (!complete && !records.isEmpty() && records.size() <= most) {
            records.remove(records.size() - 1); // may be cut off
        }
        if (records.isEmpty()) {
            return new Verdict(List.of(), List.of(), null, false);
        }
        int n = titles ? preamble(records.subList(0, Math.min(records.size(), SAMPLE + 1))) : 0;
        List<String> first = records.get(n);
        List<List<String>> below = records.subList(n + 1, Math.min(records.size(), n + SAMPLE + 1));
        return new Verdict(List.copyOf(records.subList(0, n)), List.copyOf(lines.subList(0, n)), first, isData(first, below));
    }

    /**
     * @param titles     the title lines above the table (none mostly), each a record
     * @param titleLines the line each of them starts on
     * @param first      the first record after them, or null when the head does not hold it whole
     */
    record Verdict(List<List<String>> titles, List<Long> titleLines, List<String> first, boolean data) {
        /** The widest title line: the width of the table they are delivered as. */
        int titleWidth() {
            return titles.stream().mapToInt(List::size).max().orElse(0);
        }

        /** The cells are the input's content: never shown. */
        @Override
        public String toString() {
            return "Verdict[" + titles.size() + " title lines, " + (first == null ? "no whole first record" : first.size() + " cells")
                    + ", data=" + data + "]";
        }
    }

    /** The shape most of the column's non-empty cells have (at least half of them), or null. */
    private static Shape usual(List<List<String>> rows, int col) {
        Map<Shape, Integer> n = new HashMap<>();
        int cells = 0;
        for (List<String> r : rows) {
            Shape s = col < r.size() ? shape(r.get(col)) : null;
            if (s != null) {
                cells++;
                n.merge(s, 1, Integer::sum);
            }
        }
        for (Map.Entry<Shape, Integer> e : n.entrySet()) {
            if (2 * e.getValue() >= cells) {
                return e.getKey();
            }
        }
        return null;
    }

    /** The shape of a cell, or null when it is empty. */
    private static Shape shape(String cell) {
        if (cell == null || cell.isBlank()) {
            return null;
        }
        String s = halfWidthDigits(cell.strip());
        if (DATE.matcher(s).matches()) {
            return Shape.DATE;
        }
        if (EMAIL.matcher(s).matches()) {
            return Shape.EMAIL;
        }
        int digits = 0;
        boolean onlyDigits = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if ("-‐－ー−()（） +.,/〒".indexOf(c) < 0) {
                onlyDigits = false;
                break;
            }
        }
        if (onlyDigits && digits > 0) {
            return digits >= 7 ? Shape.LONG_DIGITS : Shape.NUMBER;
        }
        return CODE.matcher(s).matches() ? Shape.CODE : Shape.TEXT;
    }

    private static String halfWidthDigits(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '０' && c <= '９') {
                if (b == null) {
                    b = new StringBuilder(s);
                }
                b.setCharAt(i, (char) (c - '０' + '0'));
            }
        }
        return b == null ? s : b.toString();
    }
}
