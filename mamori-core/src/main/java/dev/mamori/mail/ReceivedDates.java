package dev.mamori.mail;

import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * The date at the end of a {@code Received:} header, read leniently: RFC 5322 dates with or without
 * the weekday, two- and three-digit years, zone names (UT, GMT, EST, PDT, CET, ...), a zone only given
 * as a comment ({@code (EDT)}), asctime order ({@code Sun Nov 13 14:50:12 2005}), 12-hour times
 * ({@code 10:24:56 PM}), a numeric zone glued to the time ({@code 17:40:44-0500}), and trailing junk
 * ({@code (envelope-from x)}, {@code id 000DB.4}). Anything without a day, month, year and time gives
 * null. No regular expressions: one left-to-right scan over at most {@link #MAX_CHARS} characters.
 */
final class ReceivedDates {

    /** Only the first characters of the date part are looked at; a date is never longer. */
    static final int MAX_CHARS = 256;

    private static final int NONE = Integer.MIN_VALUE;

    private ReceivedDates() {
    }

    /** The date in {@code s[from, to)}, or null. Never throws. */
    static OffsetDateTime parse(String s, int from, int to) {
        int end = Math.min(to, from + MAX_CHARS);
        int day = -1;
        int month = -1;
        int year = -1;
        int yearDigits = 0;
        int hour = -1;
        int minute = -1;
        int second = 0;
        int ampm = 0; // 1 = AM, 2 = PM
        int numericZone = NONE;
        int namedZone = NONE;
        int commentZone = NONE;
        int i = from;
        while (i < end) {
            char c = s.charAt(i);
            boolean complete = day > 0 && month >= 0 && year >= 0 && hour >= 0;
            if (c == '(') {
                int close = ReceivedTokens.matchingParen(s, i, end);
                int j = close < 0 ? end : close + 1;
                if (commentZone == NONE) {
                    int a = i + 1;
                    int b = close < 0 ? end : close;
                    while (a < b && s.charAt(a) == ' ') {
                        a++;
                    }
                    while (b > a && s.charAt(b - 1) == ' ') {
                        b--;
                    }
                    if (b > a && allLetters(s, a, b)) {
                        commentZone = zoneName(s, a, b);
                    }
                }
                i = j;
                continue;
            }
            if (isLetter(c)) {
                int j = i;
                while (j < end && isLetter(s.charAt(j))) {
                    j++;
                }
                int m = month(s, i, j);
                if (m >= 0 && month < 0) {
                    month = m;
                } else if (m < 0 && !isWeekday(s, i, j)) {
                    if (j - i == 2 && s.regionMatches(true, i, "AM", 0, 2)) {
                        ampm = 1;
                    } else if (j - i == 2 && s.regionMatches(true, i, "PM", 0, 2)) {
                        ampm = 2;
                    } else {
                        int z = zoneName(s, i, j);
                        if (z != NONE) {
                            if (namedZone == NONE) {
                                namedZone = z;
                            }
                        } else if (complete) {
                            break; // trailing junk such as "id 000000DB.4373"
                        }
                    }
                }
                i = j;
                continue;
            }
            if (isDigit(c)) {
                int j = i;
                int v = 0;
                while (j < end && isDigit(s.charAt(j))) {
                    if (j - i < 6) {
                        v = v * 10 + (s.charAt(j) - '0');
                    }
                    j++;
                }
                int len = j - i;
                if (j < end && s.charAt(j) == ':' && len <= 2) {
                    // h:mm[:ss]
                    int k = j + 1;
                    int mm = twoDigits(s, k, end);
                    if (mm >= 0 && hour < 0) {
                        k += 2;
                        int sec = 0;
                        if (k < end && s.charAt(k) == ':') {
                            int ssv = twoDigits(s, k + 1, end);
                            if (ssv >= 0) {
                                sec = ssv;
                                k += 3;
                                if (k < end && s.charAt(k) == '.') { // fraction of a second
                                    k++;
                                    while (k < end && isDigit(s.charAt(k))) {
                                        k++;
                                    }
                                }
                            }
                        }
                        hour = v;
                        minute = mm;
                        second = sec;
                        j = k;
                    } else {
                        j = k;
                    }
                } else if (len <= 2) {
                    if (day < 0) {
                        day = v;
                    } else if (year < 0) {
                        year = v;
                        yearDigits = len;
                    }
                } else if (len <= 4) {
                    if (year < 0) {
                        year = v;
                        yearDigits = len;
                    }
                } else if (complete) {
                    break;
                }
                i = j;
                continue;
            }
            if ((c == '+' || c == '-') && i + 1 < end && isDigit(s.charAt(i + 1))) {
                int j = i + 1;
                while (j < end && isDigit(s.charAt(j))) {
                    j++;
                }
                int len = j - i - 1;
                if (numericZone == NONE) {
                    int hh = -1;
                    int mm = -1;
                    if (len == 4) {
                        hh = (s.charAt(i + 1) - '0') * 10 + (s.charAt(i + 2) - '0');
                        mm = (s.charAt(i + 3) - '0') * 10 + (s.charAt(i + 4) - '0');
                    } else if (len == 2 && j + 2 < end && s.charAt(j) == ':' && isDigit(s.charAt(j + 1)) && isDigit(s.charAt(j + 2))) {
                        hh = (s.charAt(i + 1) - '0') * 10 + (s.charAt(i + 2) - '0');
                        mm = (s.charAt(j + 1) - '0') * 10 + (s.charAt(j + 2) - '0');
                        j += 3;
                    }
                    if (hh >= 0 && hh <= 18 && mm < 60 && (hh < 18 || mm == 0)) {
                        int secs = hh * 3600 + mm * 60;
                        numericZone = c == '-' ? -secs : secs;
                    }
                }
                i = j;
                continue;
            }
            i++;
        }
        if (day < 1 || month < 0 || year < 0 || hour < 0) {
            return null;
        }
        if (yearDigits == 2) {
            year += year < 50 ? 2000 : 1900;
        } else if (yearDigits == 3) {
            year += 1900;
        }
        if (year < 1900 || year > 9999) {
            return null;
        }
        if (ampm != 0) {
            if (hour < 1 || hour > 12) {
                return null;
            }
            if (ampm == 1 && hour == 12) {
                hour = 0;
            } else if (ampm == 2 && hour < 12) {
                hour += 12;
            }
        }
        if (hour > 23 || minute > 59 || second > 60) {
            return null;
        }
        if (second == 60) {
            second = 59; // leap second
        }
        Month m = Month.of(month + 1);
        if (day > m.length(Year.isLeap(year))) {
            return null;
        }
        int offset = numericZone != NONE ? numericZone : namedZone != NONE ? namedZone : commentZone != NONE ? commentZone : 0;
        return OffsetDateTime.of(year, month + 1, day, hour, minute, second, 0, ZoneOffset.ofTotalSeconds(offset));
    }

    private static int twoDigits(String s, int k, int end) {
        if (k + 1 < end && isDigit(s.charAt(k)) && isDigit(s.charAt(k + 1)) && (k + 2 >= end || !isDigit(s.charAt(k + 2)))) {
            return (s.charAt(k) - '0') * 10 + (s.charAt(k + 1) - '0');
        }
        return -1;
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean allLetters(String s, int a, int b) {
        for (int i = a; i < b; i++) {
            if (!isLetter(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static final String[] MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december"};
    private static final String[] WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

    /** 0-based month for "Jan", "January", "Sept", ... (a prefix of at least three letters), else -1. */
    static int month(String s, int a, int b) {
        return prefixOf(MONTHS, s, a, b);
    }

    private static boolean isWeekday(String s, int a, int b) {
        return prefixOf(WEEKDAYS, s, a, b) >= 0 || (b - a == 4 && (s.regionMatches(true, a, "tues", 0, 4)
                || s.regionMatches(true, a, "thur", 0, 4)));
    }

    private static int prefixOf(String[] names, String s, int a, int b) {
        int len = b - a;
        if (len < 3) {
            return -1;
        }
        char c0 = (char) (s.charAt(a) | 0x20);
        char c1 = (char) (s.charAt(a + 1) | 0x20);
        char c2 = (char) (s.charAt(a + 2) | 0x20);
        for (int k = 0; k < names.length; k++) {
            String n = names[k];
            if (n.charAt(0) == c0 && n.charAt(1) == c1 && n.charAt(2) == c2) {
                return len <= n.length() && (len == 3 || s.regionMatches(true, a, n, 0, len)) ? k : -1;
            }
        }
        return -1;
    }

    /** Offset in seconds for a zone name, or {@link #NONE} when unknown or ambiguous (IST, military letters). */
    static int zoneName(String s, int a, int b) {
        int len = b - a;
        if (len < 1 || len > 5) {
            return NONE;
        }
        String z = s.substring(a, b).toUpperCase(Locale.ROOT);
        int h;
        switch (z) {
            case "UT", "UTC", "GMT", "Z", "WET", "BST" -> {
                h = z.equals("BST") ? 60 : 0;
            }
            case "EST" -> h = -5 * 60;
            case "EDT" -> h = -4 * 60;
            case "CST" -> h = -6 * 60;
            case "CDT" -> h = -5 * 60;
            case "MST" -> h = -7 * 60;
            case "MDT" -> h = -6 * 60;
            case "PST" -> h = -8 * 60;
            case "PDT" -> h = -7 * 60;
            case "AKST" -> h = -9 * 60;
            case "AKDT" -> h = -8 * 60;
            case "HST" -> h = -10 * 60;
            case "AST" -> h = -4 * 60;
            case "ADT" -> h = -3 * 60;
            case "NST" -> h = -(3 * 60 + 30);
            case "NDT" -> h = -(2 * 60 + 30);
            case "WEST", "CET", "MET", "MEZ" -> h = 60;
            case "CEST", "MEST", "MESZ", "EET" -> h = 2 * 60;
            case "EEST", "MSK" -> h = 3 * 60;
            case "HKT", "SGT", "AWST", "CCT" -> h = 8 * 60;
            case "JST", "KST" -> h = 9 * 60;
            case "ACST" -> h = 9 * 60 + 30;
            case "AEST" -> h = 10 * 60;
            case "AEDT" -> h = 11 * 60;
            case "NZST" -> h = 12 * 60;
            case "NZDT" -> h = 13 * 60;
            default -> {
                return NONE;
            }
        }
        return h * 60;
    }
}
