package dev.mamori.cli.spam;

import dev.mamori.cli.Lang;
import dev.mamori.cli.Main;

import dev.mamori.mail.IpRegistry;
import dev.mamori.mail.RegistryData;
import dev.mamori.mail.RegistryException;
import dev.mamori.mail.RegistryStore;
import dev.mamori.mail.RirDownload;
import dev.mamori.report.Message;
import dev.mamori.report.Terminal;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mamori spam registry}: the local copy of the RIR delegated files and GeoIP databases. */
@Command(resourceBundle = "dev.mamori.cli.spam.Help", name = "registry", mixinStandardHelpOptions = true,
        description = {"The registry data spam is attributed with, kept in a local store (default ~/.mamori/registry): the five "
                + "RIRs' delegated-extended statistics (AFRINIC, APNIC, ARIN, LACNIC, RIPE NCC) and, if you have them, MaxMind "
                + "GeoIP2/GeoLite2 Country and ASN databases. 'update --download' fetches the RIRs' current files over HTTPS and "
                + "checks each against its published MD5; 'update --from DIR' loads files you downloaded yourself (for a machine "
                + "without Internet access). Each file is checked whole, and the store switches to the new set only when all "
                + "of them pass.",
                "",
                "  mamori spam registry update --download",
                "  mamori spam registry update --from ~/Downloads/rir",
                "  mamori spam registry list", ""},
        subcommands = {SpamRegistryCommand.Update.class, SpamRegistryCommand.ListFiles.class})
final class SpamRegistryCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static RegistryStore store(Path dir) {
        return RegistryStore.at(dir == null ? SpamInputs.DEFAULT_STORE : dir);
    }

    /** Where the update's files come from: exactly one of the two. */
    static final class Source {
        @Option(names = "--from", required = true, paramLabel = "DIR", description = "The folder holding files you downloaded "
                + "(delegated-<rir>-extended-latest from the RIRs' FTP sites, .mmdb databases).")
        Path from;

        @Option(names = "--download", required = true, description = "Fetch the five RIRs' delegated-<rir>-extended-latest over "
                + "HTTPS, each checked against the .md5 published beside it; nothing is replaced unless all five arrive whole and verified.")
        boolean download;
    }

    @Command(resourceBundle = "dev.mamori.cli.spam.Help", name = "update", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Load the RIRs' statistics into the store: downloaded now (--download), or found in a folder (--from DIR).",
                    "",
                    "  mamori spam registry update --download",
                    "  mamori spam registry update --download --mirror https://mirror.example.jp/rir/",
                    "  mamori spam registry update --from ~/Downloads/rir", ""})
    static final class Update implements Callable<Integer> {
        @ArgGroup(exclusive = true, multiplicity = "1")
        Source source;

        @Option(names = "--mirror", paramLabel = "URL", description = "With --download: fetch from this https:// folder holding the "
                + "five delegated-<rir>-extended-latest files and their .md5 files, instead of the RIRs' sites.")
        String mirror;

        @Option(names = "--timeout", paramLabel = "SECONDS", description = "With --download: how long to wait for a connection, "
                + "for each answer to begin, and when the data stops coming (default ${DEFAULT-VALUE}).")
        int timeout = 60;

        @Option(names = "--store", paramLabel = "DIR", description = "The store (default ~/.mamori/registry).")
        Path dir;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            RegistryStore.UpdateResult r;
            if (source.download) {
                r = download(err);
            } else {
                if (mirror != null) {
                    throw new Main.UsageProblem("--mirror は --download と一緒に使います", "--mirror goes with --download");
                }
                if (!Files.isDirectory(source.from)) {
                    throw new Main.UsageProblem(Terminal.safe(source.from.toString()) + ": フォルダーではありません",
                            Terminal.safe(source.from.toString()) + ": not a folder");
                }
                try {
                    r = store(dir).update(source.from);
                } catch (RegistryException e) {
                    throw new Main.UsageProblem("登録データを更新できません（保存先は変更していません）: " + Terminal.safe(e.message("ja")),
                            Terminal.safe(e.getMessage()) + " (the store is unchanged)");
                }
            }
            r.installed().forEach(e -> out.println(Lang.tr("取り込み  ", "installed  ") + describe(e)));
            r.kept().forEach(e -> out.println(Lang.tr("保持      ", "kept       ") + describe(e)));
            r.notes().forEach(n -> out.println(Lang.tr("注記      ", "note       ") + Terminal.safe(n)));
            out.println(Lang.tr("保存先: ", "store: ") + Terminal.safe(String.valueOf(r.store())));
            Message warning = dataOf(store(dir)).warning();
            if (warning != null) {
                err.println("mamori: " + Lang.tr("警告: ", "warning: ") + warning.in(Lang.current().name()));
            }
            return 0;
        }

        private RegistryStore.UpdateResult download(PrintWriter err) {
            if (timeout < 1 || timeout > 3600) {
                throw new Main.UsageProblem("--timeout は 1 から 3600 秒です", "--timeout is 1 to 3600 seconds");
            }
            List<RirDownload.Rir> rirs;
            if (mirror == null) {
                rirs = RirDownload.OFFICIAL;
            } else {
                try {
                    rirs = RirDownload.mirror(new URI(mirror));
                } catch (URISyntaxException e) {
                    throw new Main.UsageProblem("--mirror: URL ではありません: " + Terminal.safe(mirror), "--mirror: not a URL: " + Terminal.safe(mirror));
                }
            }
            RirDownload d = new RirDownload(rirs, Duration.ofSeconds(timeout));
            return d.install(store(dir), new RirDownload.Listener() {
                private long step;

                @Override
                public void fetching(RirDownload.Rir rir, long size) {
                    step = 0;
                    err.println("mamori: " + Lang.tr("取得中 ", "fetching ") + Terminal.safe(rir.uri().toString())
                            + (size >= 0 ? " (" + mb(size) + ")" : ""));
                    err.flush();
                }

                @Override
                public void received(RirDownload.Rir rir, long bytes) {
                    if (bytes >= step + 8L * 1024 * 1024) { // a line every 8 MB
                        step = bytes;
                        err.println("mamori:   " + mb(bytes));
                        err.flush();
                    }
                }

                @Override
                public void verified(RirDownload.Rir rir, long bytes, String md5) {
                    err.println("mamori: " + rir.fileName() + ": " + mb(bytes) + Lang.tr("、MD5 一致 ", ", MD5 verified ") + md5);
                    err.flush();
                }
            });
        }

        private static String mb(long bytes) {
            return String.format("%.1f MB", bytes / 1024.0 / 1024.0);
        }
    }

    @Command(resourceBundle = "dev.mamori.cli.spam.Help", name = "list", mixinStandardHelpOptions = true, description = "What the store holds.")
    static final class ListFiles implements Callable<Integer> {
        @Option(names = "--store", paramLabel = "DIR", description = "The store (default ~/.mamori/registry).")
        Path dir;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            RegistryStore s = store(dir);
            PrintWriter out = spec.commandLine().getOut();
            if (s.isEmpty()) {
                out.println(Lang.tr("保存先 " + Terminal.safe(s.dir().toString()) + " は空です。取得するには: " + RegistryData.UPDATE_COMMANDS,
                        "the store " + Terminal.safe(s.dir().toString()) + " is empty; fill it with: " + RegistryData.UPDATE_COMMANDS));
                return 0;
            }
            s.entries().forEach(e -> out.println(describe(e)));
            RegistryData data = dataOf(s);
            out.println(data.asOfText().in(Lang.current().name()));
            Message warning = data.warning();
            if (warning != null) {
                out.println(Lang.tr("警告: ", "Warning: ") + warning.in(Lang.current().name()));
            }
            return 0;
        }
    }

    /** What the store's RIR files cover and their dates. */
    static RegistryData dataOf(RegistryStore s) {
        try (IpRegistry r = s.open()) {
            return RegistryData.of(r);
        }
    }

    static String describe(RegistryStore.Entry e) {
        return String.format("%-34s %-13s %-9s %-10s %,10d %s  %s", Terminal.safe(String.valueOf(e.file())), e.kind(),
                e.registry() == null ? "" : e.registry(), e.date() == null ? "" : e.date(), e.records(), Lang.tr("件", "records"),
                e.sha256() == null ? "" : "sha256 " + e.sha256().substring(0, 12));
    }
}
