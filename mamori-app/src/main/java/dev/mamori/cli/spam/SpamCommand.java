package dev.mamori.cli.spam;

import picocli.CommandLine.Command;

/** {@code mamori spam}: honeypot spam traced to its nearest external relay, counted, reported and shared. */
@Command(resourceBundle = "dev.mamori.cli.spam.Help", name = "spam",
        mixinStandardHelpOptions = true,
        description = {
                "Trace honeypot spam to the server nearest its sender (the first relay outside your own network, as your "
                        + "last trusted relay recorded it), attribute it to a registry, country and AS, count it by country and "
                        + "year, report it to the network's abuse desk (ARF, RFC 5965), share header "
                        + "data with a partner, and run the trap that collects it.",
                "",
                "  mamori spam registry update --download      (the five RIRs' statistics, over HTTPS, checksums verified)",
                "  mamori spam analyze eval/spam-sample/messages --trusted 212.17.35.15,213.105.180.140,193.120.211.219,193.120.149.226",
                "  mamori spam analyze mail.mbox --trusted 192.0.2.0/24 --output relays.jsonl",
                "  mamori spam analyze Maildir/ --trusted-file ours.txt --html spam.html --xlsx spam.xlsx --period month",
                "  mamori spam registry update --from ~/Downloads/rir      (RIR delegated files and .mmdb you downloaded)",
                "  mamori spam report Maildir/ --trusted … --contacts abuse.csv --from abuse@example.jp --out reports/",
                "  mamori spam export Maildir/ --trusted … --country CN --output cn.jsonl",
                "  mamori spam trap --listen 2525 --domain trap.example.jp --maildir Maildir/",
                "",
                "Only 'registry update --download' uses the network (the RIRs' sites over HTTPS); everything else reads "
                        + "files you give. Without registry data every relay is unattributed: a warning says so and names the fix. "
                        + "eval/spam-sample/messages in the source distribution is a sample to try it on. Exit codes: 0 ok, "
                        + "2 bad usage or unreadable input (problems inside the mail are reported and skipped).",
                ""},
        subcommands = {SpamAnalyzeCommand.class, SpamReportCommand.class, SpamExportCommand.class, SpamRegistryCommand.class, SpamTrapCommand.class})
public final class SpamCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
