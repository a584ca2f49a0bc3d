package dev.mamori.spark;

import dev.mamori.report.Message;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.BytesWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

/**
 * Where a run writes: a directory that must not exist yet and is neither the input nor inside it (nor around it). The
 * job writes into a staging directory beside it through Spark's output committer; Mamori adds its record files, checks
 * what the job counted, and only then renames the staging directory to the output. A run that fails or is refused
 * leaves no output.
 */
final class Outputs {

    private Outputs() {
    }

    /** Refuses an output that exists, is the input, or lies inside it or around it. */
    static void guard(SparkSession spark, String input, String output) throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        Path out = qualified(conf, output);
        if (input != null) { // null: a database
            apart(spark, input, output);
        }
        if (out.getFileSystem(conf).exists(out)) {
            throw new Message.Problem("--output " + output + ": すでにあります。上書きはしません（別の名前にするか、消してから実行してください）",
                    "--output " + output + ": exists already; it is never overwritten (choose another name, or remove it first)");
        }
    }

    /** Refuses an output (a directory, or a report's file) that is the input, or lies inside it or around it. */
    static void apart(SparkSession spark, String input, String output) throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        String o = comparable(qualified(conf, output));
        String i = comparable(qualified(conf, input));
        if (i.startsWith(o) || o.startsWith(i)) {
            throw new Message.Problem("--output " + output + ": 入力 " + input + " と同じか、その中か、それを含む場所です。入力は変更しません",
                    "--output " + output + ": is the input " + input + ", inside it or around it; the input is never modified");
        }
    }

    /**
     * A qualified path spelled one way, ending with '/', so that one that lies inside another starts with it: the
     * scheme and authority without {@code //} when there is none ({@code file:/x} and {@code file:///x} alike), the
     * path normalized, and on the local file system the links of its existing part resolved.
     */
    private static String comparable(Path p) {
        java.net.URI u = p.toUri().normalize();
        String path = u.getPath();
        if ("file".equals(u.getScheme())) {
            path = resolved(java.nio.file.Path.of(path)).toString();
        }
        return u.getScheme() + ":" + (u.getAuthority() == null ? "" : "//" + u.getAuthority()) + path.replaceAll("/+$", "") + "/";
    }

    /**
     * A local path with its links resolved, a link whose target does not exist yet too (an output named by a dangling
     * link lands where it points): the deepest part that exists or is a link, resolved, then the rest as written.
     */
    private static java.nio.file.Path resolved(java.nio.file.Path local) {
        java.nio.file.Path p = local.toAbsolutePath().normalize();
        for (int hops = 0; hops < 40; hops++) {
            java.nio.file.Path part = p;
            while (part != null && !java.nio.file.Files.exists(part, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                part = part.getParent();
            }
            if (part == null) {
                return p;
            }
            java.nio.file.Path rest = part.relativize(p);
            try {
                if (java.nio.file.Files.isSymbolicLink(part) && !java.nio.file.Files.exists(part)) { // dangling: follow it by hand
                    java.nio.file.Path target = java.nio.file.Files.readSymbolicLink(part);
                    p = part.resolveSibling(target).normalize().resolve(rest).normalize();
                    continue;
                }
                return part.toRealPath().resolve(rest).normalize();
            } catch (IOException e) {
                return p; // compared as written
            }
        }
        return p;
    }

    static Path qualified(Configuration conf, String path) throws IOException {
        Path p;
        try {
            p = new Path(path);
        } catch (IllegalArgumentException e) { // a:b.csv, whose a: Hadoop takes for a scheme
            throw new Message.Problem(path + ": Hadoop はこの名前を読めません（「:」の前をスキームとみなします）。「:」のない名前に変えるか、リンクを作ってください",
                    path + ": Hadoop cannot take this name (it reads what comes before ':' as a scheme); rename it, or make a link,"
                    + " without ':'");
        }
        return p.getFileSystem(conf).makeQualified(p);
    }

    /**
     * A staging directory, and the folders above it that did not exist before the run (the deepest last), which a
     * failed run removes again with it.
     */
    record Staging(Path path, List<Path> made) {
    }

    /** A fresh staging directory beside {@code output} (hidden from Spark's readers by its leading dot). */
    static Staging staging(SparkSession spark, String output) throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        Path out = qualified(conf, output);
        FileSystem fs = out.getFileSystem(conf);
        List<Path> made = new ArrayList<>();
        for (Path p = out.getParent(); p != null && !fs.exists(p); p = p.getParent()) {
            made.add(0, p);
        }
        return new Staging(new Path(out.getParent(), "." + out.getName() + ".mamori-" + UUID.randomUUID()), List.copyOf(made));
    }

    /** Renames the staging directory to the output: the moment the output appears. */
    static void commit(SparkSession spark, Staging staged, String output) throws IOException {
        Path staging = staged.path();
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        Path out = qualified(conf, output);
        FileSystem fs = out.getFileSystem(conf);
        if (fs.exists(out)) {
            throw new Message.Problem("--output " + output + ": 実行中に作られました。上書きはしません", "--output " + output
                    + ": was made while the job ran; it is never overwritten");
        }
        if (!fs.rename(staging, out)) {
            throw new IOException("could not rename " + staging + " to " + out);
        }
    }

    /**
     * Removes a staging directory after a failure, and the folders the run made above it when they hold nothing else
     * (best effort: the failure is what the user needs to see).
     */
    static void discard(SparkSession spark, Staging staged) {
        settle(spark);
        try {
            FileSystem fs = staged.path().getFileSystem(spark.sparkContext().hadoopConfiguration());
            fs.delete(staged.path(), true);
            for (int i = staged.made().size() - 1; i >= 0; i--) {
                Path p = staged.made().get(i);
                if (!fs.exists(p) || fs.listStatus(p).length > 0) {
                    break;
                }
                fs.delete(p, false);
            }
        } catch (IOException | RuntimeException ignored) {
            // the directory's name starts with a dot: readers skip it
        }
    }

    /**
     * Waits (10 s at most) until no task runs: when a job fails, its other tasks may still be writing into the staging
     * directory, and would make it again after it is removed.
     */
    private static void settle(SparkSession spark) {
        org.apache.spark.SparkContext sc = spark.sparkContext();
        sc.cancelAllJobs();
        long until = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < until && java.util.Arrays.stream(sc.statusTracker().getExecutorInfos())
                .mapToInt(org.apache.spark.SparkExecutorInfo::numRunningTasks).sum() > 0) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Writes a small text file (a record, a notice, a report) into a directory on any file system. */
    static void writeText(SparkSession spark, Path dir, String name, String text) throws IOException {
        Path p = new Path(dir, name);
        try (FSDataOutputStream out = p.getFileSystem(spark.sparkContext().hadoopConfiguration()).create(p, false)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Each partition's bytes become one part file ({@code part-r-NNNNN.csv}), committed by Spark's Hadoop committer. */
    static void writeParts(JavaRDD<byte[]> parts, Path dir) {
        parts.mapToPair(b -> new Tuple2<>(NullWritable.get(), new BytesWritable(b)))
                .saveAsNewAPIHadoopFile(dir.toString(), NullWritable.class, BytesWritable.class, CsvParts.class,
                        parts.context().hadoopConfiguration());
    }

    /** Writes the bytes it is given as they are, in part files named {@code .csv}. */
    public static final class CsvParts extends FileOutputFormat<NullWritable, BytesWritable> {
        @Override
        public RecordWriter<NullWritable, BytesWritable> getRecordWriter(TaskAttemptContext job) throws IOException {
            Path file = getDefaultWorkFile(job, ".csv");
            DataOutputStream out = file.getFileSystem(job.getConfiguration()).create(file, false);
            return new RecordWriter<>() {
                @Override
                public void write(NullWritable key, BytesWritable value) throws IOException {
                    out.write(value.getBytes(), 0, value.getLength());
                }

                @Override
                public void close(TaskAttemptContext context) throws IOException {
                    out.close();
                }
            };
        }
    }

    /**
     * SHA-256 of a file's bytes, or for a directory of a manifest of its data files ({@code name<TAB>size<TAB>sha256},
     * one a line, by name): each file hashed on an executor, the manifest on the driver.
     */
    static String fingerprint(SparkSession spark, String path) throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        Path p = qualified(conf, path);
        FileSystem fs = p.getFileSystem(conf);
        if (fs.getFileStatus(p).isFile()) {
            return sha256(fs, p);
        }
        List<String> files = Tables.dataFiles(fs, p).stream().map(Path::toString).toList();
        String root = p.toString();
        List<String> lines = new JavaSparkContext(spark.sparkContext())
                .parallelize(files, Math.max(1, Math.min(files.size(), spark.sparkContext().defaultParallelism())))
                .map(f -> {
                    Path fp = new Path(f);
                    FileSystem efs = fp.getFileSystem(new Configuration());
                    return f.substring(root.length() + 1) + "\t" + efs.getFileStatus(fp).getLen() + "\t" + sha256(efs, fp) + "\n";
                }).collect();
        List<String> sorted = new ArrayList<>(lines);
        sorted.sort(null);
        MessageDigest d = digest();
        sorted.forEach(l -> d.update(l.getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(d.digest());
    }

    private static String sha256(FileSystem fs, Path p) throws IOException {
        MessageDigest d = digest();
        byte[] buf = new byte[1 << 20];
        try (InputStream in = fs.open(p)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                d.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(d.digest());
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
