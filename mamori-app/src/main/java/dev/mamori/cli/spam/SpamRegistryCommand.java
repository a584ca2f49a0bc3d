package dev.mamori.cli.spam;

import dev.mamori.cli.Main;

import dev.mamori.mail.RegistryException;
import dev.mamori.mail.RegistryStore;
import dev.mamori.report.Terminal;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mamori spam registry}: the local copy of the RIR delegated files and GeoIP databases. */
@Command(name = "registry", mixinStandardHelpOptions = true,
        description = {"The registry data spam is attributed with, kept in a local store (default ~/.mamori/registry). "
                + "Nothing is downloaded: fetch the RIRs' delegated-<rir>-latest (or -extended-latest) files and, if you "
                + "have them, MaxMind GeoIP2/GeoLite2 Country and ASN databases, then load them here. Each file is checked "
                + "whole before anything is replaced.",
                "",
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

    @Command(name = "update", mixinStandardHelpOptions = true, description = "Load the delegated files and .mmdb databases found in a folder.")
    static final class Update implements Callable<Integer> {
        @Option(names = "--from", required = true, paramLabel = "DIR", description = "The folder holding the files you downloaded.")
        Path from;

        @Option(names = "--store", paramLabel = "DIR", description = "The store (default ~/.mamori/registry).")
        Path dir;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (!Files.isDirectory(from)) {
                throw new Main.UsageProblem(Terminal.safe(from.toString()) + ": not a folder");
            }
            RegistryStore.UpdateResult r;
            try {
                r = store(dir).update(from);
            } catch (RegistryException e) {
                throw new Main.UsageProblem(Terminal.safe(e.getMessage()) + " (the store is unchanged)");
            }
            PrintWriter out = spec.commandLine().getOut();
            r.installed().forEach(e -> out.println("installed  " + describe(e)));
            r.kept().forEach(e -> out.println("kept       " + describe(e)));
            r.notes().forEach(n -> out.println("note       " + Terminal.safe(n)));
            out.println("store: " + Terminal.safe(String.valueOf(r.store())));
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "What the store holds.")
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
                out.println("the store " + Terminal.safe(s.dir().toString()) + " is empty: mamori spam registry update --from DIR");
                return 0;
            }
            s.entries().forEach(e -> out.println(describe(e)));
            return 0;
        }
    }

    static String describe(RegistryStore.Entry e) {
        return String.format("%-34s %-8s %-9s %-10s %,10d records  %s", Terminal.safe(String.valueOf(e.file())), e.kind(), e.registry() == null ? "" : e.registry(),
                e.date() == null ? "" : e.date(), e.records(), e.sha256() == null ? "" : "sha256 " + e.sha256().substring(0, 12));
    }
}
