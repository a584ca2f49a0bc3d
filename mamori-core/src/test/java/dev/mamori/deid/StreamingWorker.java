package dev.mamori.deid;

import java.nio.file.Path;

/** A separate JVM with a small heap for {@link StreamingDeidTest}: {@code INPUT POLICY OUTPUT STORE KEY}. */
public final class StreamingWorker {

    private StreamingWorker() {
    }

    public static void main(String[] args) throws Exception {
        Policy policy = PolicyFile.read(Path.of(args[1]));
        Key key = KeyStore.open(Path.of(args[3])).get(args[4]);
        Deidentifier.Streamed r = Deidentifier.pseudonymize(Path.of(args[0]), policy, key, Output.to(Path.of(args[2])));
        System.out.println(r.rowsOut());
    }
}
