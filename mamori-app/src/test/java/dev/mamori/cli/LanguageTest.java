package dev.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Formatter;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Every {@code --help} of the whole command tree, in both languages: no picocli format warning, Japanese
 * descriptions under {@code --lang ja} (and a Japanese line for every command in its parent's command
 * list), English ones under {@code --lang en}.
 */
class LanguageTest {

    /**
     * Commands whose help other work in progress translates; their line in the root command list is checked
     * all the same. Remove an entry when its command has its own bundle.
     */
    @AfterEach
    void restoreLanguage() {
        Lang.use(Lang.resolve(new String[0], System.getenv(), Locale.getDefault()));
    }

    @Test
    void everyHelpPrintsWithoutAPicocliWarningInBothLanguages() {
        for (Lang lang : Lang.values()) {
            for (List<String> path : commands()) {
                List<String> args = new ArrayList<>(path);
                args.addAll(List.of("--help", "--lang", lang.name()));
                ByteArrayOutputStream stray = new ByteArrayOutputStream();
                PrintStream before = System.err;
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                int code;
                System.setErr(new PrintStream(stray, true, StandardCharsets.UTF_8));
                try {
                    code = Main.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
                } finally {
                    System.setErr(before);
                }
                String all = out + "\n" + err + "\n" + stray.toString(StandardCharsets.UTF_8);
                assertThat(code).as("%s", args).isZero();
                assertThat(all).as("%s", args).doesNotContain("[picocli");
                assertThat(out.toString()).as("%s", args).contains(lang.t("使い方: mamori", "Usage: mamori"))
                        .doesNotContain(lang.t("Usage:", "使い方:"));
            }
        }
    }

    @Test
    void noHelpTextIsABrokenFormatString() {
        for (Lang lang : Lang.values()) {
            for (CommandSpec spec : specs(lang)) {
                for (String line : texts(spec)) {
                    try (Formatter f = new Formatter()) {
                        f.format(line); // what picocli does with every help line; a bare % makes it warn
                    } catch (IllegalFormatException e) {
                        throw new AssertionError(spec.qualifiedName() + " (" + lang + "): " + line, e);
                    }
                }
            }
        }
    }

    @Test
    void underJapaneseEveryDescriptionIsJapanese() {
        for (CommandSpec spec : specs(Lang.ja)) {
            for (CommandSpec sub : spec.subcommands().values().stream().map(CommandLine::getCommandSpec).toList()) {
                assertThat(japanese(summary(sub))).as("%s in the command list of %s", sub.qualifiedName(), spec.qualifiedName())
                        .isTrue();
            }
            assertThat(japanese(String.join("", spec.usageMessage().description())))
                    .as("description of %s", spec.qualifiedName()).isTrue();
            for (ArgSpec arg : args(spec)) {
                assertThat(japanese(String.join("", arg.description())))
                        .as("%s of %s: %s", arg.paramLabel(), spec.qualifiedName(), String.join("", arg.description())).isTrue();
            }
            assertThat(String.join("", spec.usageMessage().footer())).as("footer of %s", spec.qualifiedName())
                    .matches(f -> f.isBlank() || japanese(f));
        }
    }

    @Test
    void underEnglishNoDescriptionIsJapanese() {
        for (CommandSpec spec : specs(Lang.en)) {
            for (String line : texts(spec)) {
                String t = line.strip();
                boolean example = t.startsWith("mamori ") || t.startsWith("java ") || t.startsWith("cat ");
                assertThat(example || !mostlyJapanese(t)).as("%s: %s", spec.qualifiedName(), line).isTrue();
            }
        }
    }

    @Test
    void theRootCommandListIsInTheRunsLanguage() {
        StringWriter out = new StringWriter();
        Main.run(new String[] {"--lang", "ja", "--help"}, new PrintWriter(out), new PrintWriter(new StringWriter()));
        String list = out.toString().substring(out.toString().indexOf("コマンド:"));
        for (String name : List.of("scan", "deid", "risk", "assess", "spam", "eval-detect", "keys", "bench", "help")) {
            String entry = list.lines().filter(l -> l.startsWith("  " + name + " ")).findFirst().orElseThrow();
            assertThat(japanese(entry)).as(entry).isTrue();
        }
        out = new StringWriter();
        Main.run(new String[] {"--lang", "en", "--help"}, new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertThat(out.toString()).contains("Commands:").contains("  scan ").doesNotContain("コマンド:")
                .doesNotContain("ファイル、フォルダ");
    }

    /** The argument lists to reach every command: [], [scan], [deid, init], … */
    private static List<List<String>> commands() {
        List<List<String>> paths = new ArrayList<>();
        walk(Main.commandLine(), new ArrayList<>(), paths);
        return paths;
    }

    private static void walk(CommandLine cl, List<String> path, List<List<String>> paths) {
        paths.add(List.copyOf(path));
        cl.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandSpec().name().equals(name)) { // not an alias
                List<String> p = new ArrayList<>(path);
                p.add(name);
                walk(sub, p, paths);
            }
        });
    }

    /** Every command of the tree, built in {@code lang}. */
    private static List<CommandSpec> specs(Lang lang) {
        Lang.use(lang);
        List<CommandSpec> all = new ArrayList<>();
        collect(Main.commandLine(), all);
        return all;
    }

    private static void collect(CommandLine cl, List<CommandSpec> all) {
        all.add(cl.getCommandSpec());
        cl.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandSpec().name().equals(name)) {
                collect(sub, all);
            }
        });
    }

    private static List<ArgSpec> args(CommandSpec spec) {
        List<ArgSpec> all = new ArrayList<>(spec.options());
        all.addAll(spec.positionalParameters());
        return all.stream().filter(a -> !a.hidden()).toList();
    }

    /** Every line picocli formats for the help of {@code spec}. */
    private static List<String> texts(CommandSpec spec) {
        List<String> all = new ArrayList<>();
        all.addAll(List.of(spec.usageMessage().header()));
        all.addAll(List.of(spec.usageMessage().description()));
        all.addAll(List.of(spec.usageMessage().footer()));
        for (ArgSpec a : args(spec)) {
            all.addAll(List.of(a.description()));
        }
        return all;
    }

    /** What picocli shows for {@code spec} in its parent's command list: the header, else the description. */
    private static String summary(CommandSpec spec) {
        String[] header = spec.usageMessage().header();
        String[] lines = header.length > 0 ? header : spec.usageMessage().description();
        return lines.length == 0 ? "" : lines[0];
    }

    /** Holds kana: a Japanese sentence, not just a legal term in kanji. */
    static boolean japanese(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HIRAGANA
                || Character.UnicodeScript.of(c) == Character.UnicodeScript.KATAKANA);
    }

    /** More Japanese characters than Latin letters: a Japanese line (English may quote Japanese terms). */
    private static boolean mostlyJapanese(String s) {
        long ja = s.codePoints().filter(c -> {
            Character.UnicodeScript u = Character.UnicodeScript.of(c);
            return u == Character.UnicodeScript.HIRAGANA || u == Character.UnicodeScript.KATAKANA || u == Character.UnicodeScript.HAN;
        }).count();
        long latin = s.codePoints().filter(c -> c < 128 && Character.isLetter(c)).count();
        return ja > latin;
    }
}
