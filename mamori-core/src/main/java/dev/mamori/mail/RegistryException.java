package dev.mamori.mail;

import dev.mamori.report.Message;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A registry file (RIR delegated statistics, MaxMind DB) or the local registry store that cannot be
 * used, worded for the person who has to fix it: which file, which line when there is one, and what
 * is wrong with it. The message starts with {@code file:line: } or {@code file: }.
 */
public class RegistryException extends IllegalArgumentException implements Message.Localized {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final String japanese;

    public RegistryException(String message) {
        super(message);
        this.file = null;
        this.line = 0;
        this.japanese = japanese(message);
    }

    public RegistryException(String message, Throwable cause) {
        super(message, cause);
        this.file = null;
        this.line = 0;
        this.japanese = japanese(message);
    }

    /** A problem on one line of {@code file} (lines count from 1). */
    public RegistryException(Path file, long line, String problem) {
        super(file + ":" + line + ": " + problem);
        this.file = String.valueOf(file);
        this.line = line;
        this.japanese = file + ":" + line + ": " + japanese(problem);
    }

    /** A problem with {@code file} as a whole. */
    public RegistryException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = String.valueOf(file);
        this.line = 0;
        this.japanese = file + ": " + japanese(problem);
    }

    @Override
    public String message(String lang) {
        return "ja".equals(lang) ? japanese : getMessage();
    }

    /** The problems this class is thrown with, in Japanese ({@code $1}… are the English text's variable parts). */
    private static final List<String[]> JAPANESE = List.of(
            new String[] {"no such file", "ファイルがありません"},
            new String[] {"cannot be read: (.*)", "読めません: $1"},
            new String[] {"expected the header line version\\|registry\\|serial\\|records\\|startdate\\|enddate\\|UTCoffset, found \"(.*)\"; "
                    + "is this an RIR delegated statistics file\\?", "見出し行 version|registry|serial|records|startdate|enddate|UTCoffset "
                    + "のはずが \"$1\" でした。RIR の delegated 統計ファイルですか？"},
            new String[] {"the header's record count \"(.*)\" is not a number", "見出しのレコード数 \"$1\" が数ではありません"},
            new String[] {"a record needs at least 7 fields \\(registry\\|cc\\|type\\|start\\|value\\|date\\|status\\), this line has (\\d+): \"(.*)\"",
                    "レコードには 7 つ以上の欄（registry|cc|type|start|value|date|status）が必要ですが、この行は $1 個です: \"$2\""},
            new String[] {"unknown registry \"(.*)\" \\(expected (.*)\\)", "未知の登録機関 \"$1\"（$2 のどれかのはずです）"},
            new String[] {"unknown status \"(.*)\" \\(expected (.*)\\)", "未知の状態 \"$1\"（$2 のどれかのはずです）"},
            new String[] {"unknown type \"(.*)\" \\(expected (.*)\\)", "未知の種類 \"$1\"（$2 のどれかのはずです）"},
            new String[] {"the date \"(.*)\" is not YYYYMMDD", "日付 \"$1\" が YYYYMMDD の形ではありません"},
            new String[] {"the country \"(.*)\" is not a two-letter code", "国 \"$1\" が 2 文字のコードではありません"},
            new String[] {"the start \"(.*)\" is not an IPv4 address", "開始 \"$1\" が IPv4 アドレスではありません"},
            new String[] {"the start \"(.*)\" is not an IPv6 address", "開始 \"$1\" が IPv6 アドレスではありません"},
            new String[] {"the start \"(.*)\" is not an AS number", "開始 \"$1\" が AS 番号ではありません"},
            new String[] {"(.*) addresses runs past 255\\.255\\.255\\.255", "$1 個のアドレスが 255.255.255.255 を超えます"},
            new String[] {"the prefix length \"(.*)\" is not a number from 0 to 128", "プレフィックス長 \"$1\" が 0 から 128 の数ではありません"},
            new String[] {"(AS.*) runs past AS4294967295", "$1 が AS4294967295 を超えます"},
            new String[] {"no header line .*", "見出し行（version|registry|serial|records|startdate|enddate|UTCoffset）がありません。"
                    + "RIR の delegated 統計ファイルですか？"},
            new String[] {"the address count \"(.*)\" is not a positive number", "アドレス数 \"$1\" が正の数ではありません"},
            new String[] {"the AS number count \"(.*)\" is not a positive number", "AS 番号の数 \"$1\" が正の数ではありません"},
            new String[] {"the (.*) \"(.*)\" is not a positive number", "$1 の値 \"$2\" が正の数ではありません"},
            new String[] {"a second Country database; (.*) is one already \\(give only one\\)",
                    "2 つ目の Country データベースです。$1 がすでにそれです（1 つだけ指定してください）"},
            new String[] {"a second ASN database; (.*) is one already \\(give only one\\)",
                    "2 つ目の ASN データベースです。$1 がすでにそれです（1 つだけ指定してください）"},
            new String[] {"cannot be closed: (.*)", "閉じられません: $1"},
            new String[] {"damaged MaxMind DB \\((.*)\\)", "壊れた MaxMind DB です（$1）"},
            new String[] {"the MaxMind DB holds no networks", "MaxMind DB にネットワークがありません"},
            new String[] {"lookup of (.*) failed: (.*)", "$1 の検索に失敗しました: $2"},
            new String[] {"not a usable MaxMind DB \\(\\.mmdb\\) file: (.*)", "使える MaxMind DB（.mmdb）ファイルではありません: $1"},
            new String[] {"a MaxMind DB of type (.*), which is neither .*", "種類 $1 の MaxMind DB で、Country（Country、City、Enterprise）"
                    + "でも ASN（GeoLite2-ASN、GeoIP2-ISP）でもありません"},
            new String[] {"missing from the registry store; run the update again", "登録データの保存先にありません。更新をやり直してください"},
            new String[] {"not a directory", "フォルダーではありません"},
            new String[] {"no delegated-\\* statistics files and no \\*\\.mmdb databases here",
                    "delegated-* の統計ファイルも *.mmdb のデータベースもありません"},
            new String[] {"cannot create the registry store: (.*)", "登録データの保存先を作れません: $1"},
            new String[] {"cannot write the registry store: (.*)", "登録データの保存先に書き込めません: $1"},
            new String[] {"cannot be listed: (.*)", "一覧を読めません: $1"},
            new String[] {"two files of this name", "同じ名前のファイルが 2 つあります"},
            new String[] {"damaged registry index \\(unknown format or generation\\)", "登録データの索引が壊れています（形式または世代が不明）"},
            new String[] {"damaged registry index \\(bad file entry (.*)\\)", "登録データの索引が壊れています（不正なファイルの項目 $1）"},
            new String[] {"damaged registry index: (.*)", "登録データの索引が壊れています: $1"},
            new String[] {"another update of this registry store is running", "この保存先の別の更新が実行中です"},
            new String[] {"cannot be locked: (.*)", "ロックできません: $1"});

    private static final List<Pattern> PATTERNS = JAPANESE.stream().map(p -> Pattern.compile(p[0], Pattern.DOTALL)).toList();

    /** {@code problem} in Japanese when it is one of the known ones, else as it is. */
    static String japanese(String problem) {
        if (problem == null) {
            return null;
        }
        for (int i = 0; i < PATTERNS.size(); i++) {
            Matcher m = PATTERNS.get(i).matcher(problem);
            if (m.matches()) {
                return m.replaceFirst(JAPANESE.get(i)[1]);
            }
        }
        return problem;
    }

    /** The file named in the message, as it was given, or null. */
    public String file() {
        return file;
    }

    /** The line number in {@link #file()}, or 0 when the problem is not on one line. */
    public long line() {
        return line;
    }
}
