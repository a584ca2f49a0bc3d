package dev.mamori.cli;

import dev.mamori.report.OutputGuard;

/** The start of every command's output check: the key store is never an output, whatever the command. */
final class Outputs {

    private Outputs() {
    }

    /**
     * A guard that already protects the key store ($MAMORI_KEYSTORE or ~/.mamori/keys.json); add the
     * command's inputs and outputs, then {@link OutputGuard#check()} (a refusal exits 2).
     */
    static OutputGuard guard() {
        return OutputGuard.of().reads(KeysCommand.storeOrDefault(null), "the key store");
    }
}
