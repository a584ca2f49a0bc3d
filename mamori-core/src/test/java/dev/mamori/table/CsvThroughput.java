package dev.mamori.table;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Benchmark program (not a test): writes a synthetic Japanese CSV of about 200 MB in UTF-8 and in
 * CP932, then times DocumentReader over each, best of three runs. Usage: CsvThroughput [dir] [MB].
 */
public final class CsvThroughput {

    private CsvThroughput() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir"));
        int mb = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        for (String cs : List.of("UTF-8", "windows-31j")) {
            Path file = dir.resolve("mamori-bench-" + cs + ".csv");
            write(file, Charset.forName(cs), mb * 1_000_000L);
            try {
                for (Format f : new Format[] {Format.CSV, Format.TEXT}) {
                    double best = 0;
                    for (int run = 0; run < 3; run++) {
                        best = Math.max(best, time(file, f));
                    }
                    System.out.printf("%-12s %-5s %,d bytes: %.0f MB/s%n", cs, f, Files.size(file), best);
                }
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }

    private static double time(Path file, Format format) throws IOException {
        long[] cells = new long[1];
        DocumentVisitor v = new DocumentVisitor() {
            public void text(long line, int offset, int overlap, String chunk) { cells[0] += chunk.length(); }
            public void table(String sheet, List<String> header) { }
            public void row(long row, long line, List<String> c) { cells[0] += c.size(); }
            public void labeled(long line, String docId, String text) { }
            public void problem(ReadProblem problem) { }
        };
        long t0 = System.nanoTime();
        ReadSummary s = new DocumentReader(new DocumentReader.Options(format, null, false, true)).read(file, v);
        double secs = (System.nanoTime() - t0) / 1e9;
        if (cells[0] == 0) {
            throw new IllegalStateException("nothing read");
        }
        return s.bytes() / 1e6 / secs;
    }

    private static void write(Path file, Charset cs, long size) throws IOException {
        String[] names = {"山田太郎", "佐藤花子", "髙橋一郎", "鈴木次郎", "山﨑美咲"};
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write("id,氏名,住所,電話番号,メール,備考\n".getBytes(cs));
            long written = 0;
            for (int i = 1; written < size; i++) {
                String row = i + "," + names[i % 5] + ",東京都千代田区千代田1-" + (i % 100) + "-1,090-" + (1000 + i % 9000)
                        + "-5678,user" + i + "@example.jp,\"備考①, 顧客番号 " + i + " ㈱テスト\"\n";
                byte[] b = row.getBytes(cs);
                out.write(b);
                written += b.length;
            }
        }
    }
}
