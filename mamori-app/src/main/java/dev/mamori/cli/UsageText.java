package dev.mamori.cli;

import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * picocli's own complaints about a command line (an unknown option, a missing value, a value of the
 * wrong kind), in the language of the run: picocli words them in English, so in Japanese they are said
 * again from the exception's parts. The lines never quote more of the command line than the argument at
 * fault.
 */
public final class UsageText {

    /** picocli's words for a map option given without KEY=VALUE. */
    private static final java.util.regex.Pattern KEY_VALUE =
            java.util.regex.Pattern.compile("option '([^']+)' \\(([^)]*)\\) should be in KEY=VALUE format but was (.*)$");

    private UsageText() {
    }

    /** What is wrong, in one line. */
    public static String problem(CommandLine.ParameterException ex, Lang lang) {
        return lang == Lang.en ? ex.getMessage() : japanese(ex);
    }

    /** "Did you mean" with picocli's suggestions for a misspelt option or subcommand, or null when it has none. */
    public static String suggestion(CommandLine.ParameterException ex, Lang lang) {
        if (!(ex instanceof CommandLine.UnmatchedArgumentException u) || u.getSuggestions().isEmpty()) {
            return null;
        }
        String names = String.join(", ", u.getSuggestions());
        return lang.t("もしかして: " + names, "Did you mean: " + names + "?");
    }

    /** Where to read the right usage. */
    public static String seeHelp(CommandLine cmd, Lang lang) {
        String help = cmd.getCommandSpec().qualifiedName() + " --help";
        return lang.t("使い方は '" + help + "' で確かめてください。", "Try '" + help + "' for more information.");
    }

    private static String japanese(CommandLine.ParameterException ex) {
        String en = ex.getMessage() == null ? "" : ex.getMessage();
        if (ex instanceof CommandLine.UnmatchedArgumentException u) {
            List<String> args = u.getUnmatched();
            String quoted = args.stream().map(a -> "'" + a + "'").collect(Collectors.joining(", "));
            return u.isUnknownOption() ? "不明なオプションです: " + quoted : "余分な引数です: " + quoted;
        }
        if (ex instanceof CommandLine.MissingParameterException m) {
            List<ArgSpec> missing = m.getMissing();
            if (en.startsWith("Missing required parameter for option") && !missing.isEmpty()) {
                ArgSpec a = missing.get(0);
                return "オプション " + name(a) + " に値がありません（" + a.paramLabel() + " を指定してください）";
            }
            boolean options = missing.stream().allMatch(ArgSpec::isOption);
            String names = missing.stream().map(UsageText::withLabel).collect(Collectors.joining(", "));
            return (options ? "必須のオプションがありません: " : "必須の引数がありません: ") + names;
        }
        if (ex instanceof CommandLine.OverwrittenOptionException o) {
            return "オプション " + name(o.getOverwritten()) + " は 1 回しか指定できません";
        }
        if (ex instanceof CommandLine.MaxValuesExceededException) {
            return "引数が多すぎます（" + en + "）";
        }
        if (ex instanceof CommandLine.MutuallyExclusiveArgsException) {
            return "同時には指定できないオプションです（" + en + "）";
        }
        java.util.regex.Matcher keyValue = KEY_VALUE.matcher(en);
        if (keyValue.find()) {
            return "'" + keyValue.group(1) + "' の値は " + keyValue.group(2) + " の形で指定してください: '" + keyValue.group(3) + "'";
        }
        ArgSpec arg = ex.getArgSpec();
        if (arg != null && en.startsWith("Invalid value for")) {
            return name(arg) + " の値 '" + (ex.getValue() == null ? "" : ex.getValue()) + "' は使えません: " + expected(arg, en);
        }
        return "コマンドラインを解釈できません（" + en + "）";
    }

    /** What the value should be: the enum's values, a number, or the converter's own (translated) words. */
    private static String expected(ArgSpec arg, String en) {
        int colon = en.indexOf("': ");
        String said = colon < 0 ? "" : en.substring(colon + 3);
        if (said.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HIRAGANA)) {
            return said; // a converter of ours, which speaks the run's language
        }
        Class<?> type = arg.auxiliaryTypes().length > 0 ? arg.auxiliaryTypes()[0] : arg.type();
        if (type.isEnum()) {
            return "使える値は " + java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", ")) + " です";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "整数を指定してください";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "数値を指定してください";
        }
        return "正しい値を指定してください";
    }

    private static String name(ArgSpec arg) {
        return arg instanceof OptionSpec o ? "'" + o.longestName() + "'" : "'" + arg.paramLabel() + "'";
    }

    private static String withLabel(ArgSpec arg) {
        if (arg instanceof OptionSpec o) {
            return "'" + o.longestName() + (o.arity().max() > 0 ? "=" + o.paramLabel() : "") + "'";
        }
        return "'" + arg.paramLabel() + "'";
    }
}
