package dev.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class-data archive and AOT cache (./mamori, issue 13): run against a stand-in for the JDK, a script
 * named java that records the options it is given and writes the files a real JVM would write, in a tree of its own
 * that holds the launcher and a jar newer than any source (so that nothing is built). Covers the Java 25 branch, which
 * the suite's own Java 17 never takes.
 */
class LauncherTest {

    @TempDir
    Path dir;

    /** The stand-in: each call's options on a line of the log; the AOT cache or CDS archive written where asked. */
    private static final String FAKE_JAVA = """
            #!/usr/bin/env bash
            echo "$*" >> "$FAKE_JAVA_LOG"
            for a in "$@"; do
              case "$a" in
                -XX:AOTCache=*) if [[ " $* " == *" -XX:AOTMode=create "* ]]; then echo cache > "${a#-XX:AOTCache=}"; fi ;;
                -XX:ArchiveClassesAtExit=*) echo archive > "${a#-XX:ArchiveClassesAtExit=}" ;;
              esac
            done
            exit 0
            """;

    private Path tree(int javaFeature) throws IOException {
        Path root = dir.resolve("tree");
        Files.createDirectories(root.resolve("mamori-app/target"));
        Files.copy(Path.of("..", "mamori"), root.resolve("mamori"));
        Path jar = root.resolve("mamori-app/target/mamori.jar");
        Files.writeString(jar, "not a jar: the stand-in never opens it");
        Path jdk = dir.resolve("jdk" + javaFeature);
        Files.createDirectories(jdk.resolve("bin"));
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"" + javaFeature + ".0.3\"\n");
        Path java = jdk.resolve("bin/java");
        Files.writeString(java, FAKE_JAVA);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(root.resolve("mamori"), PosixFilePermissions.fromString("rwxr-xr-x"));
        return root;
    }

    /** Runs ./mamori with {@code args} on the stand-in Java {@code feature}; returns the stand-in's calls, a line each. */
    private List<String> run(Path root, int feature, Map<String, String> env, String... args) throws Exception {
        Path log = dir.resolve("calls.log");
        Files.deleteIfExists(log);
        List<String> cmd = new ArrayList<>(List.of("bash", root.resolve("mamori").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("PATH", dir.resolve("jdk" + feature + "/bin") + ":/usr/bin:/bin");
        pb.environment().put("FAKE_JAVA_LOG", log.toString());
        pb.environment().remove("MAMORI_JAVA_OPTS");
        pb.environment().remove("MAMORI_CDS");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    private static List<Path> archives(Path root, String glob) throws IOException {
        try (var s = Files.newDirectoryStream(root.resolve("mamori-app/target"), glob)) {
            List<Path> out = new ArrayList<>();
            s.forEach(out::add);
            return out;
        }
    }

    @Test
    void onJava25TheFirstRunTrainsAnAotCacheAndLaterRunsMapIt() throws Exception {
        Path root = tree(25);
        List<String> first = run(root, 25, Map.of(), "scan", "x.csv");
        assertThat(first).anyMatch(l -> l.contains("-XX:AOTMode=record") && l.contains("-XX:-DisplayVMOutput") && l.endsWith("scan x.csv"));
        assertThat(first).anyMatch(l -> l.contains("-XX:AOTMode=create") && l.endsWith("mamori.jar"));
        assertThat(first).anyMatch(l -> l.contains("-XX:AOTMode=on") && l.endsWith("--version")); // the check before it is kept
        List<Path> caches = archives(root, "mamori-*-scan.aot");
        assertThat(caches).hasSize(1);
        assertThat(archives(root, "*.tmp*")).isEmpty();

        List<String> later = run(root, 25, Map.of(), "scan", "y.csv");
        assertThat(later).containsExactly("-XX:AOTCache=" + caches.get(0) + " -Xlog:aot=off -Xlog:cds=off -jar "
                + root.resolve("mamori-app/target/mamori.jar") + " scan y.csv");
        // a command that trains no cache of its own maps scan's
        assertThat(run(root, 25, Map.of(), "tabulate", "z.csv")).singleElement().asString().contains("-XX:AOTCache=" + caches.get(0));
        // deid keeps its own JVM options beside the cache
        assertThat(run(root, 25, Map.of(), "deid", "d.csv")).anyMatch(l -> l.contains("-XX:+UseSerialGC") && l.contains("-XX:AOTMode=record"));
    }

    @Test
    void onJava17TheFirstRunWritesAClassDataArchive() throws Exception {
        Path root = tree(17);
        List<String> first = run(root, 17, Map.of(), "risk", "x.csv");
        assertThat(first).anyMatch(l -> l.contains("-XX:ArchiveClassesAtExit=") && l.endsWith("risk x.csv"));
        assertThat(first).noneMatch(l -> l.contains("AOT"));
        List<Path> jsa = archives(root, "mamori-*.jsa");
        assertThat(jsa).hasSize(1);
        assertThat(run(root, 17, Map.of(), "scan", "y.csv")).singleElement().asString()
                .startsWith("-XX:SharedArchiveFile=" + jsa.get(0));
    }

    @Test
    void archivesCanBeTurnedOff() throws Exception {
        Path root = tree(25);
        assertThat(run(root, 25, Map.of("MAMORI_CDS", "0"), "scan", "x.csv")).containsExactly("-jar "
                + root.resolve("mamori-app/target/mamori.jar") + " scan x.csv");
        assertThat(archives(root, "*.aot")).isEmpty();
        // an option of the user's own about sharing wins as well
        assertThat(run(root, 25, Map.of("MAMORI_JAVA_OPTS", "-Xshare:off"), "scan", "x.csv")).singleElement().asString()
                .startsWith("-Xshare:off -jar");
    }
}
