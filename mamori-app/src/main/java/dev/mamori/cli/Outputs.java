package dev.mamori.cli;


import dev.mamori.report.OutputGuard;

/** The start of every command's output check: the key store is never an output, whatever the command. */
public final class Outputs {

    private Outputs() {
    }

    /**
     * A guard that already protects the key store ($MAMORI_KEYSTORE or ~/.mamori/keys.json); add the
     * command's inputs and outputs, then {@link OutputGuard#check()} (a refusal exits 2).
     */
    public static OutputGuard guard() {
        return OutputGuard.of().reads(keyStore(null), "鍵ストア", "the key store");
    }

    /** The key store: the one given (--store), else $MAMORI_KEYSTORE, else ~/.mamori/keys.json. */
    public static java.nio.file.Path keyStore(java.nio.file.Path given) {
        if (given != null) {
            return given;
        }
        String env = System.getenv("MAMORI_KEYSTORE");
        return env != null && !env.isBlank() ? java.nio.file.Path.of(env)
                : java.nio.file.Path.of(System.getProperty("user.home"), ".mamori", "keys.json");
    }
}
