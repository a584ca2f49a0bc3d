package dev.mamori.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Tables pasted into free text: a CSV-, TSV- or |-separated block (the full-width ｜ and the box-drawing │ too, and ／) inside a document, an e-mail or a cell, or one whose
 * columns are aligned with blanks (a wide blank or two: see {@link #alignedHeader} for the stricter header it needs). A block is a
 * header line at least one of whose cells {@link ColumnHints} knows (氏名, 郵便番号, 生年月日, 緯度, …) followed by at
 * least one line ({@value #MIN_ALIGNED_ROWS} for columns aligned with blanks) with the same number of separators (outside
 * double quotes); it ends at the first line
 * that has another number. Each cell under the header is then scanned with the header's context, as a cell of a CSV
 * file is, so a bare {@code 1000001} under 郵便番号 or {@code 1985/04/01} under 生年月日 is found.
 *
 * <p>Cheap when there is no table: a text without a line break, or without a separator, is not looked at further.
 */
final class TextTables {

    /**
     * Data rows a block of blank-aligned columns needs under its header; a block of tabs, commas or bars needs one (a single
     * record pasted under its header: 口座番号⇥名義⏎1234567⇥ヤマダタロウ).
     */
    static final int MIN_ALIGNED_ROWS = 2;
    /** Header cells longer than this, or holding 。 or ending a sentence, are prose, not headings. */
    private static final int MAX_HEADER_CELL = 24;
    /** Stands among the separators for a run of blanks (a table whose columns are aligned with spaces). */
    private static final char BLANKS_MARK = '\u3000';
    /**
     * Stands for a run of two blanks or more only: the columns of a table whose cells hold a single wide blank themselves
     * (久我　英司 under 氏名), which {@link #BLANKS_MARK} would split.
     */
    private static final char WIDE_BLANKS_MARK = '\u2003';
    /** Last, the full-width slash of a list typed as a table (氏名／フリガナ／生年月日⏎① 片山 翔／カタヤマ ショウ／平成12年6月14日). */
    private static final char[] SEPARATORS = {'\t', ',', '|', '｜', '│', BLANKS_MARK, WIDE_BLANKS_MARK, '／'};
    /** Columns an aligned table needs: with fewer, a form's label and value a blank apart (氏名　山田太郎) would be one. */
    private static final int MIN_BLANK_COLUMNS = 3;
    /**
     * Headings an aligned table's header may hold besides those {@link ColumnHints} knows: every cell of such a header must
     * be a heading, so that a form's lines (氏名　山田太郎　フリガナ　ヤマダタロウ) are not read as a table.
     */
    private static final Set<String> PLAIN_HEADINGS = Set.of("No", "No.", "NO", "番号", "順位", "性別", "年齢", "備考", "所属", "学年",
            "部署", "役職", "区分", "種別", "日付", "金額", "点数", "記録", "国籍", "続柄", "職業", "勤務先", "学校", "クラス", "組", "班",
            "登録日", "受付日", "入社日", "時刻", "時間", "人数", "数量", "単価", "状態", "結果", "担当", "メモ", "コメント", "ID",
            "会員番号", "社員番号", "職員番号", "学籍番号", "受付番号", "管理番号", "銀行名", "支店名", "支店番号",
            // a team's roster and a class's register (session 34): 背番号　選手名／Player　生年月日　身長／体重　出身
            "背番号", "身長", "体重", "出身", "出身地", "出身校", "ポジション", "チーム", "国", "地域", "国・地域", "連絡先", "Player",
            // a list of candidates (session 47): 氏名　年齢　党派　新現元　主な肩書
            "党派", "新旧", "新現元", "現新", "現新元", "肩書", "肩書き", "主な肩書", "経歴", "主な経歴", "得票数", "当落", "推薦");

    /**
     * One cell under a known header: where its text starts and ends in the whole text, the header's types, the
     * identifiers the header says it is not ({@link ColumnHints#against}: 会員番号), and the part of a 被保険者証 it holds
     * ({@link ColumnHints#cardField}).
     */
    record Cell(int start, int end, Set<PiiType> hints, Set<PiiType> against, ScanContext.CardField cardField) {
    }

    /**
     * A table found in the text: its lines from the header to the last row, where its header ends (the header's line, read
     * as no text about anyone; none for XML records, whose tags are their headers), and its data cells.
     */
    record Block(int start, int end, int headerEnd, List<Cell> cells) {
        Block(String text, int start, int end, List<Cell> cells) {
            this(start, end, lineEndBefore(text, start, end), cells);
        }

        private static int lineEndBefore(String text, int start, int end) {
            int e = text.indexOf('\n', start);
            return e < 0 || e > end ? end : e;
        }
    }

    private TextTables() {
    }

    /** The quick test: a line break and a separator somewhere. */
    static boolean mayHold(String text) {
        if (text.length() < 8) {
            return false;
        }
        if (text.indexOf("</") >= 0 || text.indexOf("\":") >= 0 || text.indexOf("\" :") >= 0) {
            return true; // XML, JSON
        }
        if (text.indexOf('\n') < 0) {
            return text.indexOf("INSERT") >= 0 || text.indexOf("insert") >= 0; // an SQL dump on one line
        }
        for (char s : SEPARATORS) {
            if (text.indexOf(s) >= 0) {
                return true;
            }
        }
        return text.contains("  ");
    }

    /** A time and a tab at a line's start: how chat exports with tabs write each message. */
    private static final java.util.regex.Pattern CHAT_LINE = java.util.regex.Pattern.compile("(?:[01]?\\d|2[0-3]):[0-5]\\d\t");

    /** The tables in {@code text}, in order; none when {@link #mayHold} is false. */
    static List<Block> find(String text, ColumnHints hints) {
        if (!mayHold(text)) {
            return List.of();
        }
        List<Block> out = new ArrayList<>(1);
        if (text.indexOf("INSERT") >= 0 || text.indexOf("insert") >= 0) {
            inserts(text, hints, out); // a dump on one line too
        }
        if (text.indexOf("</") >= 0) {
            records(text, hints, false, out);
        }
        if (text.indexOf("\":") >= 0 || text.indexOf("\" :") >= 0) {
            records(text, hints, true, out);
        }
        if (text.indexOf('\n') < 0) {
            return out;
        }
        int[] lines = lineStarts(text);
        int n = lines.length - 1;
        int[] runEnd = new int[SEPARATORS.length]; // per separator, the last line of the run of lines met before
        int i = 0;
        while (i < n - 1) {
            Block b = blockAt(text, lines, i, hints, runEnd);
            if (b == null) {
                i++;
                continue;
            }
            if (out.stream().noneMatch(o -> o.start() < b.end() && b.start() < o.end())) {
                out.add(b);
            }
            while (i < n && lines[i] < b.end()) {
                i++;
            }
        }
        out.sort(java.util.Comparator.comparingInt(Block::start));
        return out;
    }

    /** Words of a column or a table that hold people (customer_name, a patient table's name). */
    private static final List<String> PEOPLE = List.of("customer", "patient", "user", "member", "employee", "staff", "person",
            "people", "student", "pupil", "contact", "owner", "applicant", "holder", "resident", "client", "guest", "driver",
            "family", "full", "first", "last", "given", "kana", "kanji", "shimei", "simei", "namae", "emp", "kokyaku", "kanja", "author",
            "insured");

    /** A column of people's names in an SQL dump: its own name says so (customer_name, kana), or a bare name in a people's table. */
    private static boolean personColumn(String column, String table) {
        if (namesPeople(column) || column.equals("氏名")) {
            return true;
        }
        if (!column.equals("name") && !column.equals("名前")) {
            return !column.contains("_") && !column.contains("name"); // 患者名: the hints' own Japanese columns
        }
        return namesPeople(table);
    }

    private static boolean namesPeople(String word) {
        for (String w : PEOPLE) {
            if (word.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** An SQL INSERT with its column list: INSERT INTO patient (pt_id, name, birth) VALUES ('0012847', '溝口 文代', …), (…); */
    private static final java.util.regex.Pattern INSERT = java.util.regex.Pattern.compile(
            "(?i)INSERT\\s+INTO\\s+[\\w.\"`\\[\\]]+\\s*\\(([^)]{1,2000})\\)\\s*VALUES\\s*");

    /** An XML element holding text only: {@code <InsurerNumber>06295737</InsurerNumber>}, its tag (group 1) and text (3). */
    private static final java.util.regex.Pattern XML_LEAF = java.util.regex.Pattern.compile(
            "<([A-Za-z_][\\w.-]{0,40})(\\s[^<>]{0,200})?>([^<>\\n]{1,80})</\\1>");

    /** A JSON member with a string or a number for its value: {@code "kigo": "88"}, its key (group 1) and value (2 or 3). */
    private static final java.util.regex.Pattern JSON_MEMBER = java.util.regex.Pattern.compile(
            "\"([A-Za-z_][\\w.-]{0,40})\"\\s*:\\s*(?:\"([^\"\\\\\\n]{1,80})\"|(-?[0-9][0-9.]{0,30}))");

    /**
     * The records of an XML export or of JSON text, each value under its element's tag or its member's key: the elements
     * that hold text only, one after the other with nothing but blanks between, are one record, as a table's row is
     * (<InsurerNumber>, <Symbol>, <Number>, <BranchNumber> of one <Insured>); so are the members of one object, a comma
     * between them ({"hokensha_no": "06112114", "kigo": "88", "bango": "1093"}).
     */
    private static void records(String text, ColumnHints hints, boolean json, List<Block> out) {
        java.util.regex.Matcher m = (json ? JSON_MEMBER : XML_LEAF).matcher(text);
        List<int[]> fields = new ArrayList<>(); // name start, name end, value start, value end, field end
        int from = 0;
        while (m.find(from)) {
            if (!fields.isEmpty()) {
                String gap = text.substring(fields.get(fields.size() - 1)[4], m.start());
                if (json ? !gap.strip().equals(",") : !gap.isBlank()) {
                    record(text, hints, fields, json, out);
                    fields.clear();
                }
            }
            int v = !json || m.start(2) < 0 ? 3 : 2;
            fields.add(new int[] {m.start(1), m.end(1), m.start(v), m.end(v), m.end()});
            from = m.end();
        }
        record(text, hints, fields, json, out);
    }

    /** The key of the JSON object whose members start at {@code quote} ("kenpo" in "kenpo": {"kigo": …), or "". */
    private static String parentKey(String text, int quote) {
        int i = quote - 1;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        if (i < 0 || text.charAt(i) != '{') {
            return "";
        }
        i--;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        if (i < 0 || text.charAt(i) != ':') {
            return "";
        }
        int close = text.lastIndexOf('"', i);
        int open = close > 0 ? text.lastIndexOf('"', close - 1) : -1;
        return open < 0 || close - open > 42 ? "" : text.substring(open + 1, close).toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * One record of an XML or JSON text: {@code leaves} hold each field's name (start, end), value (start, end) and end. A
     * bare name (name) holds a person's only in a people's element or object (<author>, <traveler>; not <trk>).
     */
    private static void record(String text, ColumnHints hints, List<int[]> leaves, boolean json, List<Block> out) {
        if (leaves.isEmpty()) {
            return;
        }
        String parent = json ? parentKey(text, leaves.get(0)[0] - 1) : parentTag(text, leaves.get(0)[0] - 1);
        List<String> tags = new ArrayList<>(leaves.size());
        for (int[] l : leaves) {
            tags.add(text.substring(l[0], l[1]));
        }
        List<Set<PiiType>> types = new ArrayList<>(hints.forHeaders(tags));
        for (int k = 0; k < types.size(); k++) {
            Set<PiiType> t = java.util.EnumSet.noneOf(PiiType.class);
            t.addAll(types.get(k));
            // the location recognizer reads a key and its coordinate in the text itself ("latitudeE7": 335907712)
            t.remove(PiiType.LOCATION);
            if (!personColumn(tags.get(k).toLowerCase(java.util.Locale.ROOT), parent)) {
                t.remove(PiiType.PERSON); // <trk><name>Morning Run</name>: a thing's name, not a person's
            }
            types.set(k, t);
        }
        List<Cell> cells = new ArrayList<>();
        for (int k = 0; k < leaves.size(); k++) {
            int[] l = leaves.get(k);
            Set<PiiType> against = hints.against(tags.get(k));
            if (!types.get(k).isEmpty() || !against.isEmpty()) {
                cells.add(new Cell(l[2], l[3], types.get(k), against, hints.cardField(tags.get(k), types.get(k))));
            }
        }
        if (!cells.isEmpty()) {
            int start = leaves.get(0)[0] - 1;
            out.add(new Block(start, leaves.get(leaves.size() - 1)[4], start, cells));
        }
    }

    /** The name of the element whose start tag is the last before {@code pos} (lower case), or "". */
    private static String parentTag(String text, int pos) {
        for (int i = text.lastIndexOf('<', pos - 1); i >= 0; i = text.lastIndexOf('<', i - 1)) {
            char c = Chars.at(text, i + 1);
            if (c != '/' && c != '?' && c != '!') {
                int e = i + 1;
                while (e < text.length() && (Character.isLetterOrDigit(text.charAt(e)) || "_.-:".indexOf(text.charAt(e)) >= 0)) {
                    e++;
                }
                return text.substring(i + 1, e).toLowerCase(java.util.Locale.ROOT);
            }
        }
        return "";
    }

    /**
     * The rows of SQL INSERT statements in a dump, each value under its column's name from the statement's column list: a
     * database dump is a table too (birth, tel, zip, name). Quoted values are cells without their quotes; NULL and numbers
     * are cells as written.
     */
    private static void inserts(String text, ColumnHints hints, List<Block> out) {
        java.util.regex.Matcher m = INSERT.matcher(text);
        while (m.find()) {
            List<String> names = new ArrayList<>();
            for (String c : m.group(1).split(",")) {
                names.add(c.strip().replaceAll("^[\"`\\[]|[\"`\\]]$", ""));
            }
            String table = m.group().substring(0, m.start(1) - m.start()).toLowerCase(java.util.Locale.ROOT);
            List<Set<PiiType>> types = new ArrayList<>(hints.forHeaders(names));
            for (int k = 0; k < types.size(); k++) {
                if (types.get(k).contains(PiiType.PERSON) && !personColumn(names.get(k).toLowerCase(java.util.Locale.ROOT), table)) {
                    Set<PiiType> t = java.util.EnumSet.noneOf(PiiType.class);
                    t.addAll(types.get(k));
                    t.remove(PiiType.PERSON);
                    types.set(k, t); // dept_name, menu_name, a products table's name: things, not people
                }
            }
            if (types.stream().allMatch(Set::isEmpty)) {
                continue;
            }
            List<Set<PiiType>> against = names.stream().map(hints::against).toList();
            List<ScanContext.CardField> fields = hints.cardFields(names, types);
            List<Cell> cells = new ArrayList<>();
            int i = m.end();
            int n = text.length();
            while (i < n) {
                while (i < n && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == ',')) {
                    i++;
                }
                if (i >= n || text.charAt(i) != '(') {
                    break;
                }
                i++;
                int col = 0;
                while (i < n && text.charAt(i) != ')') {
                    while (i < n && Character.isWhitespace(text.charAt(i))) {
                        i++;
                    }
                    int vs;
                    int ve;
                    if (i < n && text.charAt(i) == '\'') {
                        vs = ++i;
                        while (i < n && !(text.charAt(i) == '\'' && (i + 1 >= n || text.charAt(i + 1) != '\''))) {
                            i += text.charAt(i) == '\'' ? 2 : 1; // '' is a quote inside the value
                        }
                        ve = i++;
                    } else {
                        vs = i;
                        while (i < n && text.charAt(i) != ',' && text.charAt(i) != ')' && text.charAt(i) != '\n') {
                            i++;
                        }
                        ve = i;
                        while (ve > vs && Character.isWhitespace(text.charAt(ve - 1))) {
                            ve--;
                        }
                    }
                    if (col < types.size() && ve > vs && !types.get(col).isEmpty() && !text.regionMatches(true, vs, "NULL", 0, 4)) {
                        cells.add(new Cell(vs, ve, types.get(col), against.get(col), fields.get(col)));
                    }
                    col++;
                    while (i < n && Character.isWhitespace(text.charAt(i))) {
                        i++;
                    }
                    if (i < n && text.charAt(i) == ',') {
                        i++;
                    } else if (i < n && text.charAt(i) != ')') {
                        break; // not a value list after all
                    }
                }
                if (i >= n || text.charAt(i) != ')') {
                    break;
                }
                i++;
            }
            if (!cells.isEmpty()) {
                out.add(new Block(text, m.start(), i, cells));
            }
        }
    }

    /**
     * A block whose header is line {@code h}, or null. {@code runEnd[k]}: the last line of the run of lines with the same
     * count of separator k that an earlier header began; a header inside that run shares its end, so a long run under
     * no known header is counted once, not once per line.
     */
    private static Block blockAt(String text, int[] lines, int h, ColumnHints hints, int[] runEnd) {
        int hs = lines[h];
        int he = lineEnd(text, lines[h + 1]);
        if (CHAT_LINE.matcher(text).region(hs, he).lookingAt()) {
            return null; // 10:09⇥ゆか⇥口座送るね: a chat export's line (a time, its speaker, the message), no table's header
        }
        for (int k = 0; k < SEPARATORS.length; k++) {
            char sep = SEPARATORS[k];
            int count = count(text, hs, he, sep);
            if (count == 0 || h > 0 && rowAbove(text, lines[h - 1], lineEnd(text, hs), sep, count)) {
                continue; // a row under another of its shape is a row, even when a cell reads as a heading (…⇥前科2犯)
            }
            int last = h;
            if (runEnd[k] > h) {
                last = runEnd[k];
            } else {
                while (last + 1 < lines.length - 1) {
                    int s = lines[last + 1];
                    int e = lineEnd(text, lines[last + 2]);
                    if (e <= s && last == h && oneBlankThenRow(text, lines, last + 2, sep, count)) {
                        last++; // one blank line under the header (氏名　年齢　党派⏎⏎いおきべ 美恵　52　無所属)
                        continue;
                    }
                    if (e <= s || !rowOf(count(text, s, e, sep), count, sep) && !between(text, s, e)) {
                        break;
                    }
                    last++;
                }
                while (last > h && between(text, lines[last], lineEnd(text, lines[last + 1]))) {
                    last--; // a heading after the last row heads no row of this table
                }
                runEnd[k] = last;
            }
            int rows = 0;
            for (int r = h + 1; r <= last; r++) {
                rows += between(text, lines[r], lineEnd(text, lines[r + 1])) || lineEnd(text, lines[r + 1]) <= lines[r] ? 0 : 1;
            }
            if (rows < (sep == BLANKS_MARK || sep == WIDE_BLANKS_MARK ? MIN_ALIGNED_ROWS : 1)) {
                continue;
            }
            List<int[]> header = split(text, hs, he, sep);
            List<String> names = new ArrayList<>(header.size());
            for (int[] c : header) {
                String name = text.substring(c[0], c[1]);
                boolean prose = c[1] - c[0] > MAX_HEADER_CELL || name.indexOf('。') >= 0 || name.endsWith(".") && !name.endsWith("No.") || name.endsWith("?")
                        || name.endsWith("？") || holdsValue(name);
                names.add(prose ? null : name);
            }
            if (names.contains(null) || paddedTitle(names)) {
                continue; // prose, or a title padded to the table's width (社員連絡先一覧⇥⇥⇥⇥⇥⇥※社外秘) above the header
            }
            List<Set<PiiType>> types = hints.forHeaders(names);
            if (types.stream().allMatch(Set::isEmpty)) {
                continue;
            }
            if (rows == 1 && (!allHeadings(names, types) || formLine(text, lines[h + 1], lineEnd(text, lines[h + 2]), sep))) {
                continue; // a single row: its header is all headings (氏名⇥郵便番号), not a chat line (08:36⇥お名前を入力してください),
                          // and its cells are values, not a form's markers or labels (必須⇥0312345678, 記入日⇥2024/05/18)
            }
            if (sep == WIDE_BLANKS_MARK && names.stream().anyMatch(x -> x.indexOf('\u3000') >= 0)) {
                continue; // 班　氏名: the header's own columns are a wide blank apart, and the rows cannot be split as it is
            }
            if ((sep == BLANKS_MARK || sep == WIDE_BLANKS_MARK) && !alignedHeader(names, types)) {
                continue;
            }
            if (names.size() == 2 && !(heading(names.get(0), types.get(0)) && heading(names.get(1), types.get(1)))) {
                continue; // 氏名｜山田太郎 / 住所｜…: a form's labels and values, not a table of two columns
            }
            List<Set<PiiType>> against = names.stream().map(hints::against).toList();
            List<ScanContext.CardField> fields = hints.cardFields(names, types);
            List<Cell> cells = new ArrayList<>((last - h) * header.size());
            int end = last;
            for (int r = h + 1; r <= end; r++) {
                if (between(text, lines[r], lineEnd(text, lines[r + 1]))) {
                    continue;
                }
                List<int[]> row = split(text, lines[r], lineEnd(text, lines[r + 1]), sep);
                for (int c = 0; c < row.size() && c < types.size(); c++) {
                    int[] cell = row.get(c);
                    if (cell[1] > cell[0]) {
                        cells.add(new Cell(cell[0], cell[1], types.get(c), against.get(c), fields.get(c)));
                    }
                }
                if (r == end) {
                    end = resumes(text, lines, end, sep, count, hints); // rows again after a note (エラー行（取込不可）)
                }
            }
            return new Block(text, hs, lineEnd(text, lines[end + 1]), cells);
        }
        return null;
    }

    /**
     * A line with {@code n} separators is a row under a header with {@code count}: as many, or one tab or comma fewer under
     * a header of five columns or more (a row typed without its empty last cell: 08:31⇥内藤⇥（事業所）⇥35.706532⇥139.649871⇥出発
     * under a header ending in メモ); not under a form's line of labels and values (氏名⇥坂本 直樹⇥フリガナ⇥サカモト ナオキ).
     */
    private static boolean rowOf(int n, int count, char sep) {
        return n == count || count >= 4 && n == count - 1 && (sep == '\t' || sep == ',');
    }

    /** Line {@code r} exists and has the header's {@code count} separators {@code sep}: a row after the blank line above it. */
    private static boolean oneBlankThenRow(String text, int[] lines, int r, char sep, int count) {
        if (r + 1 >= lines.length) {
            return false;
        }
        int e = lineEnd(text, lines[r + 1]);
        return e > lines[r] && count(text, lines[r], e, sep) == count;
    }

    /** Marks that open a section's heading inside a table (◇黒部市, 【花巻市】, ▽北中学校). */
    private static final String HEADING_MARKS = "◇◆■□【＜〈《▼▽●○［";

    /** A line inside a table that is no row: a {@link #sectionHeading} or a rule line crossed where the columns meet. */
    private static boolean between(String text, int s, int e) {
        return sectionHeading(text, s, e) || ruleLine(text, s, e, true);
    }

    /**
     * A rule line: nothing but dashes, crossings, bars, colons and blanks. With {@code crossed}, also three dashes at least
     * and a crossing where the columns meet, as psql and other tools print one under a header (----------+--------,
     * ──┼──); not dashes split by blanks only (-- ----- -----), which mark the columns of a table aligned with blanks.
     */
    static boolean ruleLine(String text, int s, int e, boolean crossed) {
        int dashes = 0;
        boolean crossing = false;
        for (int i = s; i < e; i++) {
            char c = text.charAt(i);
            if ("-－—─━=＝ー".indexOf(c) >= 0) {
                dashes++;
            } else if ("+┼┿╋".indexOf(c) >= 0) {
                crossing = true;
            } else if ("|｜:： \u3000\t".indexOf(c) < 0) {
                return false;
            }
        }
        return !crossed || dashes >= 3 && crossing;
    }

    /**
     * A line that heads the rows below it inside a table (the municipality of a death notice's rows, ◇黒部市): a mark,
     * then a few characters without a number or a separator of any kind.
     */
    private static boolean sectionHeading(String text, int s, int e) {
        while (s < e && (text.charAt(s) == ' ' || text.charAt(s) == '\u3000')) {
            s++;
        }
        if (e - s < 2 || e - s > 16 || HEADING_MARKS.indexOf(text.charAt(s)) < 0 || Chars.hasDigit(text, s, e)) {
            return false;
        }
        for (int i = s; i < e; i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\u3000' || c == '\t' || c == ',' || c == '|' || c == '｜') {
                return false;
            }
        }
        return true;
    }

    /**
     * The line [s, e) has {@code count} separators and a value in every cell: a row, not a title padded to the header's
     * shape as spreadsheets export it (会員名簿,,,).
     */
    private static boolean rowAbove(String text, int s, int e, char sep, int count) {
        if (e <= s || count(text, s, e, sep) != count) {
            return false;
        }
        List<int[]> cells = split(text, s, e, sep);
        for (int k = 0; k < cells.size(); k++) {
            int[] c = cells.get(k);
            if (c[1] <= c[0] && k > 0 && k < cells.size() - 1) {
                return false; // a framed row's empty edges (|住まい|41|+6|) are its frame, not cells
            }
        }
        return true;
    }

    /**
     * The last row of a run of rows that starts after one or two lines of a note below row {@code last} (an export's
     * エラー行（取込不可）, a subtotal), rows with at least the same count of separators (a row may carry a note after its
     * cells) and a digit; {@code last} when there is none. A blank line ends a table, and so does a line of headings:
     * what follows it is another.
     */
    private static int resumes(String text, int[] lines, int last, char sep, int count, ColumnHints hints) {
        int n = lines.length - 1;
        for (int r = last + 2; r <= last + 3 && r < n; r++) {
            int ns = lines[r - 1];
            if (lineEnd(text, lines[r]) <= ns || count(text, ns, lineEnd(text, lines[r]), sep) == count) {
                return last; // a blank line, or a row where the note should be
            }
            int rs = lines[r];
            int re = lineEnd(text, lines[r + 1]);
            if (count(text, rs, re, sep) >= count) { // a row may carry a note of its own after it
                if (!Chars.hasDigit(text, rs, re) || headings(text, rs, re, sep, count, hints)) {
                    return last; // another table's header (※以下は商品マスタ⏎商品名,型番,発売日), not a row
                }
                int e = r;
                while (e + 1 < n && count(text, lines[e + 1], lineEnd(text, lines[e + 2]), sep) >= count
                        && !headings(text, lines[e + 1], lineEnd(text, lines[e + 2]), sep, count, hints)) {
                    e++;
                }
                return e;
            }
        }
        return last;
    }

    /**
     * More than half of the cells up to the last named one are blank: a title with a note at the table's far end, not a
     * header (an export's empty columns at the right end, 氏名,年齢,,, and a merged heading's cells, 氏名⇥⇥⇥電話番号, are).
     */
    private static boolean paddedTitle(List<String> names) {
        int last = names.size() - 1;
        while (last >= 0 && names.get(last).isBlank()) {
            last--;
        }
        int blank = 0;
        for (int i = 0; i < last; i++) {
            blank += names.get(i).isBlank() ? 1 : 0;
        }
        return 2 * blank > last + 1;
    }

    /**
     * One of the first cells of the line [s, e) names a column: a header, or a form's line of labels and their values
     * (種別⇥普通⇥口座番号⇥5027714), not a row.
     */
    private static boolean headings(String text, int s, int e, char sep, int count, ColumnHints hints) {
        return split(text, s, e, sep).stream().limit(count + 1).map(c -> text.substring(c[0], c[1]))
                .anyMatch(c -> heading(c, hints.forHeader(c)));
    }

    /**
     * A cell that holds a value, not a column's name: a number of five digits or more (a chat's line 09:24⇥父⇥保険者番号
     * 136754 under no header). Not a time: a timetable's columns are named so (氏名,9:00,10:00).
     */
    private static boolean holdsValue(String name) {
        int run = 0;
        for (int i = 0; i < name.length(); i++) {
            run = Chars.isDigit(name.charAt(i)) ? run + 1 : 0;
            if (run >= 5) {
                return true;
            }
        }
        return false;
    }

    /** What a form prints in a field instead of a value: a marker or a label of its own. */
    private static final Set<String> FORM_WORDS = Set.of("必須", "任意", "記入日", "記入例", "例", "見本", "サンプル", "（必須）", "(必須)",
            "※必須", "要記入", "未記入");

    /** A line whose cells include a form's marker or a heading: a form's lines, not a header and its record. */
    private static boolean formLine(String text, int s, int e, char sep) {
        for (int[] c : split(text, s, e, sep)) {
            String v = text.substring(c[0], c[1]).strip();
            if (FORM_WORDS.contains(v) || !v.isEmpty() && heading(v, ColumnHints.get().forHeader(v))) {
                return true;
            }
        }
        return false;
    }

    private static boolean allHeadings(List<String> names, List<Set<PiiType>> types) {
        for (int k = 0; k < names.size(); k++) {
            if (!heading(names.get(k), types.get(k)) && !(names.get(k).isEmpty() && (k == 0 || k == names.size() - 1))) {
                return false; // a framed header's empty edges aside
            }
        }
        return true;
    }

    /** A header cell that names a column: one {@link ColumnHints} knows, or a plain heading. */
    private static boolean heading(String name, Set<PiiType> types) {
        return !types.isEmpty() || plain(name);
    }

    /** A {@link #PLAIN_HEADINGS plain heading}, or two of them with a slash between (身長／体重). */
    private static boolean plain(String name) {
        if (PLAIN_HEADINGS.contains(name)) {
            return true;
        }
        int slash = Math.max(name.indexOf('／'), name.indexOf('/'));
        return slash > 0 && PLAIN_HEADINGS.contains(name.substring(0, slash)) && PLAIN_HEADINGS.contains(name.substring(slash + 1));
    }

    /** Starts of the lines, and text.length() + 1 as the start of the line after the last. */
    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        boolean quoted = text.startsWith("\""); // a CSV row whose fields are quoted: a line break inside a field is no row's end
        boolean inside = false;
        int joined = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' && quoted) {
                inside = !inside;
            } else if (c == '\n') {
                if (inside && joined < MAX_CELL_LINES) {
                    joined++; // "…東京都世田谷区経堂2丁目8番5号⏎戸籍上の氏は…": one cell over two lines
                    continue;
                }
                starts.add(i + 1);
                quoted = i + 1 < text.length() && text.charAt(i + 1) == '"';
                inside = false;
                joined = 0;
            }
        }
        int[] out = new int[starts.size() + 1];
        for (int k = 0; k < starts.size(); k++) {
            out[k] = starts.get(k);
        }
        out[starts.size()] = text.length() + 1;
        return out;
    }

    /** How many line breaks a quoted field may hold before its row is read as ended. */
    private static final int MAX_CELL_LINES = 3;

    /** The end of the line that the next line's start follows, without its \n or \r\n. */
    private static int lineEnd(String text, int nextStart) {
        int e = nextStart - 1;
        return e > 0 && text.charAt(e - 1) == '\r' ? e - 1 : e;
    }

    /**
     * The header of a table aligned with blanks: {@link #MIN_BLANK_COLUMNS} headings or more, two of them known to
     * {@link ColumnHints}, every other one a {@link #PLAIN_HEADINGS plain heading}.
     */
    private static boolean alignedHeader(List<String> names, List<Set<PiiType>> types) {
        if (names.size() < MIN_BLANK_COLUMNS) {
            return false;
        }
        int known = 0;
        int other = 0;
        int nouns = 0;
        for (int i = 0; i < names.size(); i++) {
            if (!types.get(i).isEmpty()) {
                known++;
            } else if (!plain(names.get(i))) {
                if (Chars.hasDigit(names.get(i), 0, names.get(i).length())) {
                    return false;
                }
                other++;
                nouns += commonNouns(names.get(i)) ? 1 : 0;
            }
        }
        // a wide header may hold one heading neither list has (障害者区分 beside 氏名, 生年月日, 個人番号), or more when each is
        // made of common nouns (種目, 振込金額, 主な使用車両); a form's line of labels and values has a value for every label,
        // and its values are names, places and numbers
        // one known heading is enough among four or more plain ones (氏名　年齢　党派　新現元　主な肩書): a form's line holds values
        return (known >= 2 || known == 1 && other == 0 && names.size() >= 4) && (other == 0 || other == 1 && names.size() >= 5 && known >= 3 || other == nouns && names.size() >= 5);
    }

    /** A heading made of the dictionary's common nouns (種目, 支店名, 主な使用車両), not a name, a place or a firm. */
    private static boolean commonNouns(String name) {
        List<Morphology.Token> ts = Morphology.tokens(name, 0, name.length());
        for (Morphology.Token t : ts) {
            if (t.is("名詞-固有名詞") || !(t.is("名詞") || t.is("助動詞") || t.is("記号") || t.is("助詞-連体化"))) {
                return false;
            }
        }
        return !ts.isEmpty();
    }

    /**
     * The end of a run of blanks that separates aligned columns at {@code i} (one wide blank or two blanks; two blanks or more
     * when {@code twoOrMore}), or {@code i}.
     */
    private static int blanks(String text, int i, int e, boolean twoOrMore) {
        int j = i;
        boolean wide = false;
        while (j < e && (text.charAt(j) == ' ' || text.charAt(j) == '\u3000')) {
            wide |= text.charAt(j) == '\u3000';
            j++;
        }
        return j - i >= 2 || wide && !twoOrMore ? j : i;
    }

    /** Separators outside double quotes in [s, e). */
    private static int count(String text, int s, int e, char sep) {
        if (sep == BLANKS_MARK || sep == WIDE_BLANKS_MARK) {
            return split(text, s, e, sep).size() - 1;
        }
        int n = 0;
        boolean quoted = false;
        for (int i = s; i < e; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == sep && !quoted) {
                n++;
            }
        }
        return n;
    }

    /** The cells of [s, e) as [start, end) pairs, without surrounding spaces and quotes. */
    private static List<int[]> split(String text, int s, int e, char sep) {
        List<int[]> out = new ArrayList<>();
        if (sep == BLANKS_MARK || sep == WIDE_BLANKS_MARK) {
            int i = skipBlanks(text, s, e);
            int end = trimmedEnd(text, i, e);
            int from = i;
            while (i < end) {
                int j = blanks(text, i, end, sep == WIDE_BLANKS_MARK);
                if (j > i) {
                    out.add(new int[] {from, i});
                    from = j;
                    i = j;
                } else {
                    i++;
                }
            }
            out.add(new int[] {from, end});
            return out;
        }
        boolean quoted = false;
        int from = s;
        for (int i = s; i <= e; i++) {
            char c = i < e ? text.charAt(i) : sep;
            if (c == '"' && i < e) {
                quoted = !quoted;
            } else if (c == sep && (!quoted || i == e)) {
                out.add(trim(text, from, i));
                from = i + 1;
            }
        }
        return out;
    }

    private static int skipBlanks(String text, int s, int e) {
        while (s < e && (text.charAt(s) == ' ' || text.charAt(s) == '\u3000')) {
            s++;
        }
        return s;
    }

    private static int trimmedEnd(String text, int s, int e) {
        while (e > s && (text.charAt(e - 1) == ' ' || text.charAt(e - 1) == '\u3000')) {
            e--;
        }
        return e;
    }

    private static int[] trim(String text, int s, int e) {
        s = skipBlanks(text, s, e);
        e = trimmedEnd(text, s, e);
        if (e - s >= 2 && text.charAt(s) == '"' && text.charAt(e - 1) == '"') {
            s++;
            e--;
        }
        return new int[] {s, e};
    }
}
