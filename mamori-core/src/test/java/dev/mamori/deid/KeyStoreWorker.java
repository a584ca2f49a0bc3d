package dev.mamori.deid;

import java.nio.file.Path;

/** A separate process for {@link KeyStoreConcurrencyTest}: {@code new NAME} or {@code rotate NAME} on a store. */
public final class KeyStoreWorker {

    private KeyStoreWorker() {
    }

    public static void main(String[] args) throws Exception {
        Path store = Path.of(args[0]);
        KeyStore ks = KeyStore.openOrCreate(store, null);
        Key k = args[1].equals("new") ? ks.newKey(args[2]) : ks.rotate(args[2]);
        System.out.println(k.name() + " " + k.version() + " " + k.fingerprint());
    }
}
