package dev.mamori.mail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Load time of the four full 2014 RIR files and IPv4 lookups per second. Not a unit test (benchmarks are
 * programs): run with {@code java -cp target/classes:target/test-classes:<dependencies> dev.mamori.mail.IpRegistrySpeed [DIR]}
 * where DIR holds the files (default {@code ../../shared/data/rir}). Single thread.
 */
public final class IpRegistrySpeed {

    private IpRegistrySpeed() {
    }

    public static void main(String[] args) throws Exception {
        Path d = Path.of(args.length > 0 ? args[0] : "../../shared/data/rir");
        List<Path> files = List.of("afrinic", "apnic", "lacnic", "ripencc").stream()
                .map(r -> d.resolve("delegated-" + r + "-latest-20140701")).toList();
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new IllegalArgumentException(f + ": not found (give the folder of the 2014 RIR files)");
            }
        }
        long t0 = System.nanoTime();
        IpRegistry r = IpRegistry.load(files);
        double loadMs = (System.nanoTime() - t0) / 1e6;
        Random rnd = new Random(1);
        String[] ips = new String[1_000_000];
        for (int i = 0; i < ips.length; i++) {
            ips[i] = (1 + rnd.nextInt(223)) + "." + rnd.nextInt(256) + "." + rnd.nextInt(256) + "." + rnd.nextInt(256);
        }
        int hits = 0;
        for (int i = 0; i < 200_000; i++) { // warm-up
            hits += r.lookup(ips[i]).attributed() ? 1 : 0;
        }
        hits = 0;
        long t1 = System.nanoTime();
        for (String ip : ips) {
            hits += r.lookup(ip).attributed() ? 1 : 0;
        }
        double lookupS = (System.nanoTime() - t1) / 1e9;
        System.out.printf("load of the 4 full 2014 files %.0f ms (%d IPv4 + %d IPv6 segments); 1,000,000 random IPv4 lookups"
                + " %.3f s = %.2f million/s (%d attributed)%n", loadMs, r.ipv4Segments(), r.ipv6Segments(), lookupS,
                ips.length / lookupS / 1e6, hits);
    }
}
