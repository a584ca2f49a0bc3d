package dev.mamori.cli.deid;

import dev.mamori.cli.CliTest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9: nothing deid, relink or init does may destroy a key, replace an input or restore wrong data. */
class DeidSafetyTest {

    @TempDir
    Path dir;
    Path store;
    Path members;
    Path policy;

    @BeforeEach
    void setUp() throws IOException {
        store = dir.resolve("ks.json");
        members = dir.resolve("members.csv");
        StringBuilder b = new StringBuilder("会員番号,顧客ID,ポイント\n");
        for (int i = 0; i < 30; i++) {
            b.append(10_000_000 + i * 7919).append(",C-").append(String.format("%03d", i)).append(',').append(i * 10).append('\n');
        }
        Files.writeString(members, b, StandardCharsets.UTF_8);
        policy = dir.resolve("pseudo.yaml");
        Files.writeString(policy, "mode: pseudonymous\npurpose: 会員の利用傾向の分析\ncolumns:\n"
                + "  会員番号: {role: linking_id, transform: fpe}\n  顧客ID: {role: linking_id, transform: token}\n"
                + "  ポイント: {role: insensitive, transform: keep}\n");
        assertThat(CliTest.run("keys", "--store", store.toString(), "new", "m").code()).isZero();
    }

    private CliTest.Run pseudonymize(Path out) {
        return CliTest.run("deid", "--policy", policy.toString(), members.toString(), "--key", "m", "--store", store.toString(),
                "--output", out.toString());
    }

    private CliTest.Run relink(Path data, Path out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("--lang", "en", "deid", "relink", data.toString(), "--store", store.toString(),
                "--output", out.toString()));
        args.addAll(List.of(extra));
        return CliTest.run(args.toArray(new String[0]));
    }

    @Test
    void dataOfEveryGenerationRelinksAfterTwoRotations() throws IOException {
        Path[] made = new Path[3];
        for (int g = 0; g < 3; g++) {
            made[g] = dir.resolve("gen" + (g + 1) + ".csv");
            CliTest.Run r = pseudonymize(made[g]);
            assertThat(r.code()).as(r.err()).isZero();
            if (g < 2) {
                assertThat(CliTest.run("keys", "--store", store.toString(), "rotate", "m").code()).isZero();
            }
        }
        assertThat(Files.readString(made[0])).isNotEqualTo(Files.readString(made[2])); // three different keys
        String original = Files.readString(members).replace("\n", "\r\n");
        for (int g = 0; g < 3; g++) {
            Path back = dir.resolve("back" + (g + 1) + ".csv");
            CliTest.Run r = relink(made[g], back); // columns, key and version from genN.csv.record.json
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(Files.readString(back)).as("generation " + (g + 1)).isEqualTo(original);
            assertThat(r.out()).contains("fpe, key m v" + (g + 1)).contains("token, key m");
        }
    }

    @Test
    void aWrongKeyOrAForeignRecordIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path gen1 = dir.resolve("gen1.csv");
        assertThat(pseudonymize(gen1).code()).isZero();
        CliTest.run("keys", "--store", store.toString(), "rotate", "m");
        Path gen2 = dir.resolve("gen2.csv");
        assertThat(pseudonymize(gen2).code()).isZero();

        // the record of another run: its key version would restore wrong numbers
        CliTest.Run foreign = relink(gen1, dir.resolve("x.csv"), "--record", gen2 + ".record.json");
        assertThat(foreign.code()).isEqualTo(2);
        assertThat(foreign.err()).contains("not the file the processing record describes").contains("nothing was written");

        // FF1 digits without their record cannot be verified
        Files.move(Path.of(gen1 + ".record.json"), dir.resolve("elsewhere.json"));
        CliTest.Run bare = relink(gen1, dir.resolve("x.csv"), "--fpe", "会員番号", "--key", "m");
        assertThat(bare.code()).isEqualTo(2);
        assertThat(bare.err()).contains("FF1").contains("processing record");
        // tokens carry their version and are authenticated: they relink without the record
        CliTest.Run tokens = relink(gen1, dir.resolve("tokens.csv"), "--token", "顧客ID", "--key", "m");
        assertThat(tokens.code()).as(tokens.err()).isZero();
        assertThat(Files.readString(dir.resolve("tokens.csv"))).contains(",C-000,");

        // a key store with a key of the same name and version, but another key
        Path other = dir.resolve("other.json");
        CliTest.run("keys", "--store", other.toString(), "new", "m");
        CliTest.run("keys", "--store", other.toString(), "rotate", "m");
        CliTest.Run wrong = CliTest.run("--lang", "en", "deid", "relink", gen2.toString(), "--store", other.toString(), "--output",
                dir.resolve("x.csv").toString());
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err()).contains("check value").contains("nothing was written");
        CliTest.Run wrongTokens = CliTest.run("--lang", "en", "deid", "relink", gen2.toString(), "--token", "顧客ID", "--store", other.toString(),
                "--record", dir.resolve("none.json").toString(), "--output", dir.resolve("x.csv").toString());
        assertThat(wrongTokens.code()).isEqualTo(2);
        assertThat(dir.resolve("x.csv")).doesNotExist();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("mamori-part"));
        }
    }

    @Test
    void filteredDataRelinksWhenTheUserSaysSo() throws IOException {
        Path gen = dir.resolve("gen.csv");
        assertThat(pseudonymize(gen).code()).isZero();
        List<String> lines = Files.readAllLines(gen);
        Path subset = dir.resolve("subset.csv");
        Files.write(subset, List.of(lines.get(0), lines.get(5), lines.get(2)));
        CliTest.Run refused = relink(subset, dir.resolve("back.csv"), "--record", gen + ".record.json");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("--trust-record");
        CliTest.Run ok = relink(subset, dir.resolve("back.csv"), "--record", gen + ".record.json", "--trust-record");
        assertThat(ok.code()).as(ok.err()).isZero();
        List<String> original = Files.readAllLines(members);
        assertThat(Files.readAllLines(dir.resolve("back.csv"))).containsExactly(original.get(0), original.get(5), original.get(2));
    }

    @Test
    void noOutputMayReplaceTheKeyStoreThePolicyAnInputOrAnotherOutput() throws IOException {
        String keys = Files.readString(store);
        String pol = Files.readString(policy);
        Path link = Files.createSymbolicLink(dir.resolve("innocent.csv"), store);
        for (Path target : new Path[] {store, link, policy, members}) {
            CliTest.Run r = pseudonymize(target);
            assertThat(r.code()).as(target.toString()).isEqualTo(2);
            assertThat(r.err()).contains("上書きしません");
        }
        Path out = dir.resolve("out.csv");
        assertThat(pseudonymize(out).code()).isZero();
        CliTest.Run relinkOverStore = relink(out, store);
        assertThat(relinkOverStore.code()).isEqualTo(2);
        assertThat(relinkOverStore.err()).contains("the key store");
        CliTest.Run relinkOverRecord = relink(out, Path.of(out + ".record.json"));
        assertThat(relinkOverRecord.code()).isEqualTo(2);
        CliTest.Run initOverInput = CliTest.run("deid", "init", members.toString(), "--output", members.toString());
        assertThat(initOverInput.code()).isEqualTo(2);
        assertThat(Files.readString(store)).isEqualTo(keys);
        assertThat(Files.readString(policy)).isEqualTo(pol);
        assertThat(Files.readString(members)).startsWith("会員番号,顧客ID,ポイント");
    }

    @Test
    void twoPassIsRefusedForPseudonymousDataWithAReason() {
        CliTest.Run r = CliTest.run("--lang", "en", "deid", "--policy", policy.toString(), members.toString(), "--key", "m", "--store", store.toString(),
                "--output", dir.resolve("o.csv").toString(), "--two-pass");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--two-pass is for 匿名加工情報");
    }

    @Test
    void aMissingKeyNamesTheOption() {
        CliTest.Run r = CliTest.run("deid", "--policy", policy.toString(), members.toString(), "--store", store.toString(),
                "--output", dir.resolve("o.csv").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--key NAME");
        assertThat(dir.resolve("o.csv")).doesNotExist();
    }
}
