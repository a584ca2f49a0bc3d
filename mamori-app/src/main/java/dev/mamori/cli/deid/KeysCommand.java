package dev.mamori.cli.deid;

import dev.mamori.cli.Lang;
import dev.mamori.cli.Main;
import dev.mamori.cli.Text;
import dev.mamori.cli.Outputs;

import dev.mamori.deid.Key;
import dev.mamori.deid.KeyStore;
import dev.mamori.report.Terminal;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

/**
 * {@code mamori keys}: the key store for pseudonyms and tokens (加工方法等情報 / 削除情報等). It lives
 * apart from any output, with file mode 600; keys are never printed, only their fingerprints.
 */
@Command(resourceBundle = "dev.mamori.cli.deid.Help", name = "keys",
        mixinStandardHelpOptions = true,
        description = {
                "Manage the keys that make pseudonyms (仮ID) and reversible tokens. Keys are 加工方法等情報: they are kept in their own file (mode 600), apart from any data or output, and never printed — only their fingerprints.",
                "",
                "Examples:",
                "  mamori keys new customers",
                "  mamori keys list",
                "  mamori keys rotate customers      # new version; older versions stay for re-linking",
                "  mamori keys protect               # protect the store with a password (for a server or a shared machine)",
                "",
                "A protected store asks for its password, or takes it from MAMORI_KEYSTORE_PASSWORD. Changes are locked:"
                        + " several processes may create and rotate keys at once without losing one.",
                ""},
        subcommands = {KeysCommand.New.class, KeysCommand.ListKeys.class, KeysCommand.Rotate.class, KeysCommand.Protect.class})
public final class KeysCommand implements Runnable {

    @Option(names = "--store", paramLabel = "FILE", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "The key store (default: $MAMORI_KEYSTORE, else ~/.mamori/keys.json). Keep it outside the folders you share.")
    Path store;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    Path storePath() {
        return Outputs.keyStore(store);
    }


    /**
     * Opens an existing store for deid and relink, asking for its password if it is protected
     * (MAMORI_KEYSTORE_PASSWORD, else a prompt on the terminal).
     */
    static KeyStore open(Path p, PrintWriter err) {
        try {
            return warnWithoutModes(KeyStore.open(p, KeyStore.isProtected(p) ? password(p, "鍵ストアのパスワード / key store password: ") : null), err);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new Main.UsageProblem(Terminal.safe(p.toString()) + " に鍵ストアがありません（作成: mamori keys new NAME）",
                    "no key store at " + Terminal.safe(p.toString()) + " (create one with: mamori keys new NAME)");
        } catch (IOException | IllegalArgumentException e) {
            throw new Main.UsageProblem(e);
        }
    }

    /** The password of a protected store: $MAMORI_KEYSTORE_PASSWORD, else asked on the terminal (never echoed). */
    static char[] password(Path store, String prompt) {
        String env = System.getenv("MAMORI_KEYSTORE_PASSWORD");
        if (env != null && !env.isEmpty()) {
            return env.toCharArray();
        }
        java.io.Console console = System.console();
        if (console == null) {
            throw new Main.UsageProblem("鍵ストア " + Terminal.safe(store.toString()) + " はパスワードで保護されています: 環境変数 MAMORI_KEYSTORE_PASSWORD"
                    + " を設定するか、端末で実行して入力してください",
                    "key store " + Terminal.safe(store.toString()) + " is password-protected: set MAMORI_KEYSTORE_PASSWORD,"
                    + " or run on a terminal to type it");
        }
        char[] pw = console.readPassword("%s", prompt);
        if (pw == null || pw.length == 0) {
            throw new Main.UsageProblem("パスワードが入力されませんでした", "no password given");
        }
        return pw;
    }


    KeyStore openOrCreate(boolean create) {
        Path p = storePath();
        if (!create || Files.exists(p)) {
            return open(p, spec.commandLine().getErr());
        }
        try {
            return warnWithoutModes(KeyStore.openOrCreate(p, null), spec.commandLine().getErr()); // two processes may create it at once
        } catch (IOException | IllegalArgumentException e) {
            throw new Main.UsageProblem(e);
        }
    }

    private static KeyStore warnWithoutModes(KeyStore ks, PrintWriter err) {
        if (!ks.permissionsEnforced()) {
            err.println(Lang.tr("mamori: 注意: " + Terminal.safe(ks.path().toString()) + " は POSIX の権限がないファイルシステムにあります。"
                    + "別の方法で保護してください", "mamori: warning: " + Terminal.safe(ks.path().toString())
                    + " is on a file system without POSIX permissions; protect it yourself"));
        }
        return ks;
    }

    static void print(PrintWriter out, Key k, String what) {
        out.println(Lang.tr(String.format("%s %s v%d（指紋 %s）", what.equals("created") ? "作成しました:" : "新しい版を作りました:", k.name(),
                        k.version(), k.fingerprint()),
                String.format("%s %s v%d (fingerprint %s)", what, k.name(), k.version(), k.fingerprint())));
    }

    @Command(resourceBundle = "dev.mamori.cli.deid.Help", name = "new", mixinStandardHelpOptions = true, description = "Create a key (and the store, if there is none).")
    static final class New implements Callable<Integer> {
        @ParentCommand
        KeysCommand parent;

        @Parameters(paramLabel = "NAME", descriptionKey = "name", description = "A name for the key, e.g. the dataset it protects.")
        String name;

        @Override
        public Integer call() {
            KeyStore ks = parent.openOrCreate(true);
            try {
                print(parent.spec.commandLine().getOut(), ks.newKey(name), "created");
            } catch (IOException | IllegalArgumentException e) {
                throw new Main.UsageProblem(e);
            }
            return 0;
        }
    }

    @Command(resourceBundle = "dev.mamori.cli.deid.Help", name = "list", mixinStandardHelpOptions = true, description = "List the keys: name, version, created, fingerprint. Never the key.")
    static final class ListKeys implements Callable<Integer> {
        @ParentCommand
        KeysCommand parent;

        @Override
        public Integer call() {
            KeyStore ks = parent.openOrCreate(false);
            PrintWriter out = parent.spec.commandLine().getOut();
            out.println(Text.pad(Lang.tr("名前", "name"), 24) + " " + Text.right(Lang.tr("版", "version"), 7) + "  "
                    + Text.pad(Lang.tr("作成日時", "created"), 24) + " " + Lang.tr("指紋", "fingerprint"));
            for (KeyStore.KeyInfo k : ks.list()) {
                out.printf("%-24s %7d  %-24s %s%n", k.name(), k.version(), k.created(), k.fingerprint());
            }
            return 0;
        }
    }

    @Command(resourceBundle = "dev.mamori.cli.deid.Help", name = "rotate", mixinStandardHelpOptions = true,
            description = "Make a new version of a key. New pseudonyms and tokens use it; older versions stay in the store so that data made with them can still be re-linked.")
    static final class Rotate implements Callable<Integer> {
        @ParentCommand
        KeysCommand parent;

        @Parameters(paramLabel = "NAME", descriptionKey = "name", description = "The key to rotate.")
        String name;

        @Override
        public Integer call() {
            KeyStore ks = parent.openOrCreate(false);
            try {
                print(parent.spec.commandLine().getOut(), ks.rotate(name), "rotated");
            } catch (IOException | IllegalArgumentException e) {
                throw new Main.UsageProblem(e);
            }
            return 0;
        }
    }

    @Command(resourceBundle = "dev.mamori.cli.deid.Help", name = "protect", mixinStandardHelpOptions = true,
            description = {"Set, change or remove the key store's password. The keys stay the same; the store is encrypted"
                    + " (AES-256-GCM under a key derived from the password with Argon2id). Without a terminal the new password"
                    + " comes from MAMORI_KEYSTORE_NEW_PASSWORD (and the current one from MAMORI_KEYSTORE_PASSWORD).",
                    "Forgetting the password loses the keys, and with them every way back to the people in 仮名加工情報."})
    static final class Protect implements Callable<Integer> {
        @ParentCommand
        KeysCommand parent;

        @Option(names = "--remove", description = "Remove the password (the file's mode 600 is then its only protection).")
        boolean remove;

        @Override
        public Integer call() {
            KeyStore ks = parent.openOrCreate(false);
            char[] pw = remove ? null : newPassword(parent.storePath());
            try {
                ks.protect(pw);
            } catch (IOException | IllegalArgumentException e) {
                throw new Main.UsageProblem(e);
            }
            String where = Terminal.safe(ks.path().toString());
            parent.spec.commandLine().getOut().println(remove ? Lang.tr("パスワードを外しました: ", "password removed: ") + where
                    : Lang.tr("パスワードを設定しました: ", "password set: ") + where);
            return 0;
        }

        private static char[] newPassword(Path store) {
            String env = System.getenv("MAMORI_KEYSTORE_NEW_PASSWORD");
            char[] a;
            if (env != null && !env.isEmpty()) {
                a = env.toCharArray();
            } else {
                java.io.Console console = System.console();
                if (console == null) {
                    throw new Main.UsageProblem("新しいパスワードは環境変数 MAMORI_KEYSTORE_NEW_PASSWORD で渡すか、端末で実行して入力してください",
                            "give the new password in MAMORI_KEYSTORE_NEW_PASSWORD, or run on a terminal");
                }
                a = console.readPassword("新しいパスワード / new password: ");
                char[] b = console.readPassword("もう一度 / again: ");
                if (a != null && !java.util.Arrays.equals(a, b)) {
                    throw new Main.UsageProblem("2 回のパスワードが一致しません。何も変更していません", "the two passwords differ; nothing changed");
                }
            }
            if (a == null || a.length < 8) {
                throw new Main.UsageProblem("パスワードは 8 文字以上にしてください。何も変更していません",
                        "a password of at least 8 characters, please; nothing changed");
            }
            return a;
        }
    }
}
