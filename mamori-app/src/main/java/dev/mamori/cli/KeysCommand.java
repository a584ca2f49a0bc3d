package dev.mamori.cli;

import dev.mamori.deid.Key;
import dev.mamori.deid.KeyStore;
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
@Command(name = "keys",
        mixinStandardHelpOptions = true,
        description = {
                "Manage the keys that make pseudonyms (仮ID) and reversible tokens. Keys are 加工方法等情報: they are kept in their own file (mode 600), apart from any data or output, and never printed — only their fingerprints.",
                "",
                "Examples:",
                "  mamori keys new customers",
                "  mamori keys list",
                "  mamori keys rotate customers      # new version; older versions stay for re-linking",
                ""},
        subcommands = {KeysCommand.New.class, KeysCommand.ListKeys.class, KeysCommand.Rotate.class})
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
        return store != null ? store : defaultStore();
    }

    /** $MAMORI_KEYSTORE, else ~/.mamori/keys.json. */
    static Path defaultStore() {
        String env = System.getenv("MAMORI_KEYSTORE");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".mamori", "keys.json");
    }

    KeyStore openOrCreate(boolean create) {
        Path p = storePath();
        try {
            KeyStore ks = Files.exists(p) ? KeyStore.open(p) : create ? KeyStore.create(p) : null;
            if (ks == null) {
                throw new Main.UsageProblem("no key store at " + p + " (create one with: mamori keys new NAME)");
            }
            if (!ks.permissionsEnforced()) {
                spec.commandLine().getErr().println("mamori: warning: " + p + " is on a file system without POSIX permissions; protect it yourself");
            }
            return ks;
        } catch (IOException | IllegalArgumentException e) {
            throw new Main.UsageProblem(e.getMessage());
        }
    }

    static void print(PrintWriter out, Key k, String what) {
        out.printf("%s %s v%d (fingerprint %s)%n", what, k.name(), k.version(), k.fingerprint());
    }

    @Command(name = "new", mixinStandardHelpOptions = true, description = "Create a key (and the store, if there is none).")
    static final class New implements Callable<Integer> {
        @ParentCommand
        KeysCommand parent;

        @Parameters(paramLabel = "NAME", description = "A name for the key, e.g. the dataset it protects.")
        String name;

        @Override
        public Integer call() {
            KeyStore ks = parent.openOrCreate(true);
            try {
                print(parent.spec.commandLine().getOut(), ks.newKey(name), "created");
            } catch (IOException | IllegalArgumentException e) {
                throw new Main.UsageProblem(e.getMessage());
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the keys: name, version, created, fingerprint. Never the key.")
    static final class ListKeys implements Callable<Integer> {
        @ParentCommand
        KeysCommand parent;

        @Override
        public Integer call() {
            KeyStore ks = parent.openOrCreate(false);
            PrintWriter out = parent.spec.commandLine().getOut();
            out.printf("%-24s %7s  %-24s %s%n", "name", "version", "created", "fingerprint");
            for (KeyStore.KeyInfo k : ks.list()) {
                out.printf("%-24s %7d  %-24s %s%n", k.name(), k.version(), k.created(), k.fingerprint());
            }
            return 0;
        }
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = "Make a new version of a key. New pseudonyms and tokens use it; older versions stay in the store so that data made with them can still be re-linked.")
    static final class Rotate implements Callable<Integer> {
        @ParentCommand
        KeysCommand parent;

        @Parameters(paramLabel = "NAME", description = "The key to rotate.")
        String name;

        @Override
        public Integer call() {
            KeyStore ks = parent.openOrCreate(false);
            try {
                print(parent.spec.commandLine().getOut(), ks.rotate(name), "rotated");
            } catch (IOException | IllegalArgumentException e) {
                throw new Main.UsageProblem(e.getMessage());
            }
            return 0;
        }
    }
}
