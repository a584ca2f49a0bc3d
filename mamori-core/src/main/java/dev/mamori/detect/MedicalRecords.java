package dev.mamori.detect;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The fields of two record formats that Japanese hospitals and clinics keep in text files, read by their position, which
 * says what each holds better than any word around it could:
 * <ul>
 * <li><b>HL7 version 2 segments</b> (SS-MIX2 standardized storage and the JAHIS exchange rules write messages in HL7 v2.5):
 * PID-5 the patient's name and PID-6 the mother's maiden name (each repetition's family^given, 前田^美穂~マエダ^ミホ),
 * PID-7 the date of birth, NK1-2 a relative's name, GT1-3 the guarantor's, IN1-16 the insured person's name and IN1-18 date of birth, and the health-insurance card as JAHIS
 * places it: IN1-3 the 保険者番号, IN1-8 the 記号 (group number), IN1-36 the 番号 (policy number).</li>
 * <li><b>レセプト電算 records</b> (社会保険診療報酬支払基金「レセプト電算処理システム 電子レセプトの作成手引き」, 記録条件仕様):
 * the RE record's 氏名 (field 5, counting the record's name as field 1) and 生年月日 (field 7, an era code 1–5 for
 * 明治…令和 and yymmdd), and the HO record's 保険者番号, 記号 and 番号 (fields 2–4). Only in a text that also holds an IR or RE record, so that a CSV
 * whose first column happens to be "HO" is not read as one.</li>
 * </ul>
 * Fields the other recognizers read well from their own shape (addresses, postal codes, phone numbers) are left to them. A segment or
 * record ends at a line feed or a carriage return (HL7's own segment terminator).
 */
final class MedicalRecords implements Recognizer {

    /** Not POSTAL_CODE nor any other type the byte-level skip serves ({@link Detector}): a detector of those alone stays one recognizer. */
    private static final Set<PiiType> TYPES = EnumSet.of(PiiType.PERSON, PiiType.DATE_OF_BIRTH, PiiType.HEALTH_INSURANCE);

    /** The format names the field: as sure as a label right before a value. */
    private static final double CONFIDENCE = 0.95;

    /** A segment with more fields than this is read up to here (IN1-49 is the last field read). */
    private static final int MAX_FIELDS = 50;

    @Override
    public Set<PiiType> types() {
        return TYPES;
    }

    @Override
    public void find(String text, ScanContext ctx, List<Finding> out) {
        if (text == null || text.length() < 8 || ctx == null) {
            return;
        }
        // a message's header segment, and a receipt file's header record: a line that merely starts PID| or RE, is neither
        boolean hl7 = text.indexOf('|') >= 0 && (text.contains("PID|") || text.contains("IN1|") || text.contains("NK1|")
                || text.contains("GT1|")) && recordAt(text, "MSH|");
        boolean uke = (text.contains("HO,") || text.contains("RE,")) && (recordAt(text, "IR,") || recordAt(text, "UK,")
                || recordAt(text, "YK,") || recordAt(text, "HG,"));
        if (!hl7 && !uke) {
            return;
        }
        int[] bounds = new int[MAX_FIELDS + 2];
        for (int ls = 0; ls < text.length(); ) {
            int le = ls;
            while (le < text.length() && text.charAt(le) != '\n' && text.charAt(le) != '\r') {
                le++;
            }
            if (hl7 && le - ls > 4 && text.charAt(ls + 3) == '|') {
                segment(text, ls, fields(text, ls, le, '|', bounds), bounds, ctx, out);
            } else if (uke && le - ls > 3 && text.charAt(ls + 2) == ',') {
                record(text, ls, fields(text, ls, le, ',', bounds), bounds, ctx, out);
            }
            ls = le + 1;
        }
    }

    /** True when a line of {@code text} starts with {@code id}. */
    private static boolean recordAt(String text, String id) {
        for (int i = text.indexOf(id); i >= 0; i = text.indexOf(id, i + 1)) {
            if (i == 0 || text.charAt(i - 1) == '\n' || text.charAt(i - 1) == '\r') {
                return true;
            }
        }
        return false;
    }

    /**
     * Splits the line [ls, le) at {@code sep}: field k (0 the segment's or record's name) runs from {@code bounds[k]} to
     * {@code bounds[k + 1] - 1}. Returns the number of fields read.
     */
    private static int fields(String text, int ls, int le, char sep, int[] bounds) {
        int k = 0;
        bounds[k++] = ls;
        for (int i = ls; i < le && k <= MAX_FIELDS; i++) {
            if (text.charAt(i) == sep) {
                bounds[k++] = i + 1;
            }
        }
        bounds[k] = le + 1;
        return k;
    }

    private static int fieldStart(int[] bounds, int k) {
        return bounds[k];
    }

    private static int fieldEnd(int[] bounds, int k) {
        return bounds[k + 1] - 1;
    }

    /** Field k holds {@code length} digits and nothing else. */
    private static boolean digitsOnly(String text, int[] bounds, int k, int length) {
        int s = fieldStart(bounds, k);
        int e = fieldEnd(bounds, k);
        return e - s == length && digits(text, s, e) == length;
    }

    private static void segment(String text, int ls, int n, int[] bounds, ScanContext ctx, List<Finding> out) {
        String id = text.substring(ls, ls + 3);
        switch (id) {
            case "PID" -> {
                names(text, bounds, n, 5, ctx, out);
                names(text, bounds, n, 6, ctx, out);
                birthDate(text, bounds, n, 7, ctx, out);
            }
            case "NK1" -> names(text, bounds, n, 2, ctx, out);
            case "GT1" -> names(text, bounds, n, 3, ctx, out);
            case "IN1" -> {
                card(text, bounds, n, 3, ctx, out);
                card(text, bounds, n, 8, ctx, out);
                card(text, bounds, n, 10, ctx, out);
                card(text, bounds, n, 11, ctx, out);
                names(text, bounds, n, 16, ctx, out);
                birthDate(text, bounds, n, 18, ctx, out);
                card(text, bounds, n, 36, ctx, out);
                card(text, bounds, n, 49, ctx, out);
            }
            default -> {
            }
        }
    }

    private static void record(String text, int ls, int n, int[] bounds, ScanContext ctx, List<Finding> out) {
        if (text.startsWith("RE", ls) && n > 6 && digits(text, fieldStart(bounds, 1), fieldEnd(bounds, 1)) > 0
                && digitsOnly(text, bounds, 2, 4) && digitsOnly(text, bounds, 3, 6)) {
            // fields counted from 0 here, the record's name being field 0: レセプト番号, a four-digit 種別, the month of care
            if (ctx.wants(PiiType.PERSON) && name(text, fieldStart(bounds, 4), fieldEnd(bounds, 4))) {
                add(PiiType.PERSON, text, fieldStart(bounds, 4), fieldEnd(bounds, 4), out);
            }
            int bs = fieldStart(bounds, 6);
            int be = fieldEnd(bounds, 6);
            if (ctx.wants(PiiType.DATE_OF_BIRTH) && (eraDate(text, bs, be) || digitsOnly(text, bounds, 6, 8) && DateParser.ymdAt(text, bs))) {
                add(PiiType.DATE_OF_BIRTH, text, bs, be, out); // the era's code and yymmdd, or (since 令和) yyyymmdd
            }
        } else if (text.startsWith("HO", ls) && n > 4 && digits(text, fieldStart(bounds, 1), fieldEnd(bounds, 1)) >= 6) {
            for (int k = 1; k <= 3; k++) {
                card(text, bounds, n, k, ctx, out);
            }
        }
    }

    /** Each repetition's family^given name in field {@code k} (前田^美穂^^^^^L^I~マエダ^ミホ): one finding each. */
    private static void names(String text, int[] bounds, int n, int k, ScanContext ctx, List<Finding> out) {
        if (k >= n || !ctx.wants(PiiType.PERSON)) {
            return;
        }
        int s = fieldStart(bounds, k);
        int e = fieldEnd(bounds, k);
        for (int r = s; r <= e; ) {
            int re = r;
            while (re < e && text.charAt(re) != '~') {
                re++;
            }
            int c1 = r;
            while (c1 < re && text.charAt(c1) != '^') {
                c1++;
            }
            if (c1 == r) { // no family name
                r = re + 1;
                continue;
            }
            int end = c1;
            if (c1 < re) { // a given name after the family name
                int c2 = c1 + 1;
                while (c2 < re && text.charAt(c2) != '^') {
                    c2++;
                }
                end = c2 > c1 + 1 ? c2 : c1;
            }
            if (end > r && name(text, r, end)) {
                add(PiiType.PERSON, text, r, end, out);
            }
            r = re + 1;
        }
    }

    /** The date part of a DTM (19760814, 197608140930) in field {@code k}. */
    private static void birthDate(String text, int[] bounds, int n, int k, ScanContext ctx, List<Finding> out) {
        if (k >= n || !ctx.wants(PiiType.DATE_OF_BIRTH)) {
            return;
        }
        int s = fieldStart(bounds, k);
        int e = fieldEnd(bounds, k);
        if (e - s >= 8 && digits(text, s, s + 8) == 8 && (e == s + 8 || Chars.isDigit(text.charAt(s + 8))
                || text.charAt(s + 8) == '+' || text.charAt(s + 8) == '-') && DateParser.ymdAt(text, s)) {
            add(PiiType.DATE_OF_BIRTH, text, s, s + 8, out); // 19760814, 197001051230+0900
        }
    }

    /** A 保険者番号, 記号 or 番号 field: its value, when it is a code of up to ten letters, kana, kanji or digits. */
    private static void card(String text, int[] bounds, int n, int k, ScanContext ctx, List<Finding> out) {
        if (k >= n || !ctx.wants(PiiType.HEALTH_INSURANCE)) {
            return;
        }
        int s = fieldStart(bounds, k);
        int e = fieldEnd(bounds, k);
        int c = s;
        while (c < e && text.charAt(c) != '^') {
            c++; // the ID of a CX or CWE, without its assigning authority
        }
        if (c > s && c - s <= 10 && letters(text, s, c)) {
            add(PiiType.HEALTH_INSURANCE, text, s, c, out);
        }
    }

    private static void add(PiiType type, String text, int s, int e, List<Finding> out) {
        while (s < e && Chars.isSpace(text.charAt(s))) {
            s++;
        }
        while (e > s && Chars.isSpace(text.charAt(e - 1))) {
            e--;
        }
        if (e > s) {
            out.add(new Finding(type, s, e, CONFIDENCE, false, text.substring(s, e)));
        }
    }

    /** What a name field holds when it is no name (an unknown patient's placeholder). */
    private static final Set<String> NO_NAME = Set.of("UNKNOWN", "UNK", "NULL", "NONE", "TEST", "不明");

    /**
     * A person's name: letters, kana or kanji with the marks names carry (O'BRIEN, SMITH-JONES, ジョン・ポール, an HL7
     * escape such as O\T\BRIEN), at least one letter, no digit, and not a placeholder.
     */
    private static boolean name(String text, int s, int e) {
        boolean letter = false;
        for (int i = s; i < e; i++) {
            char c = text.charAt(i);
            if (Chars.isDigit(c)) {
                return false;
            }
            if (Character.isLetter(c) || Character.isSurrogate(c)) {
                letter = true;
            } else if (!Chars.isSpace(c) && "^'’-・･\\.".indexOf(c) < 0 && c != 'ー') {
                return false;
            }
        }
        if (!letter) {
            return false;
        }
        for (String part : text.substring(s, e).split("\\^")) {
            if (!part.isBlank() && !NO_NAME.contains(part.strip().toUpperCase(java.util.Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** Letters, digits, kana, kanji, the long vowel mark and blanks inside, and at least one that is not a blank. */
    private static boolean letters(String text, int s, int e) {
        boolean any = false;
        for (int i = s; i < e; i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c) || c == 'ー' || Character.isSurrogate(c)) {
                any = true;
            } else if (!Chars.isSpace(c) && c != '^') {
                return false;
            }
        }
        return any;
    }

    private static int digits(String text, int s, int e) {
        int d = 0;
        for (int i = s; i < e; i++) {
            d += Chars.isDigit(text.charAt(i)) ? 1 : 0;
        }
        return d;
    }

    private static int digit(String text, int i) {
        return Character.digit(text.charAt(i), 10);
    }

    /**
     * Each era's first and last day as yyyymmdd, by its code in レセプト電算 (1 明治, 2 大正, 3 昭和, 4 平成, 5 令和; 明治 from
     * 1868, 令和 open).
     */
    private static final int[] ERA_FIRST = {0, 18680125, 19120730, 19261225, 19890108, 20190501};
    private static final int[] ERA_LAST = {0, 19120729, 19261224, 19890107, 20190430, 21001231};

    /** An era code and yymmdd (3620305: 昭和62年3月5日), a real date. */
    private static boolean eraDate(String text, int s, int e) {
        if (e - s != 7 || digits(text, s, e) != 7) {
            return false;
        }
        int era = digit(text, s);
        if (era < 1 || era > 5) {
            return false;
        }
        int y = ERA_FIRST[era] / 10000 + digit(text, s + 1) * 10 + digit(text, s + 2) - 1;
        int m = digit(text, s + 3) * 10 + digit(text, s + 4);
        int d = digit(text, s + 5) * 10 + digit(text, s + 6);
        int ymd = y * 10000 + m * 100 + d;
        return digit(text, s + 1) * 10 + digit(text, s + 2) >= 1 && DateParser.realDate(y, m, d)
                && ymd >= ERA_FIRST[era] && ymd <= ERA_LAST[era]; // not 昭和64年1月8日 nor 平成31年5月1日
    }
}
