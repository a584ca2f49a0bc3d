package dev.mamori.deid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.detect.FileReport;
import dev.mamori.detect.Scanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyTest {

    @TempDir
    Path dir;

    private static FileReport scanExample() throws IOException {
        try (Scanner s = new Scanner(Scanner.Options.defaults())) {
            return s.scan(Path.of("..", "examples", "customers_cp932.csv"), "customers", f -> { });
        }
    }

    @Test
    void theProposalFollowsTheProcessingStandards() throws IOException {
        Policy p = PolicyProposal.propose(scanExample(), Mode.ANONYMOUS, 5);
        Map<String, Policy.Column> c = p.columns();
        assertThat(c.keySet()).containsExactly("顧客番号", "氏名", "フリガナ", "性別", "生年月日", "郵便番号", "住所", "電話番号",
                "携帯電話", "メールアドレス", "個人番号", "備考");
        assertThat(c.get("個人番号").role()).isEqualTo(Policy.Role.IDENTIFIER);
        assertThat(c.get("個人番号").transform()).isEqualTo("delete");
        assertThat(c.get("個人番号").why()).contains("個人識別符号").contains("34条2号");
        assertThat(c.get("氏名").transform()).isEqualTo("delete");
        assertThat(c.get("住所").hierarchy()).isEqualTo("builtin:address");
        assertThat(c.get("生年月日").role()).isEqualTo(Policy.Role.QUASI_IDENTIFIER);
        assertThat(c.get("性別").hierarchy()).isEqualTo("builtin:sex");
        assertThat(c.get("顧客番号").transform()).isEqualTo("random_id");
        Policy pseudo = PolicyProposal.propose(scanExample(), Mode.PSEUDONYMOUS, 5);
        assertThat(pseudo.columns().get("氏名").transform()).isEqualTo("pseudonym");
        assertThat(pseudo.columns().get("個人番号").transform()).isEqualTo("delete"); // 31条2号: never replaced by a reversible value
    }

    @Test
    void aWrittenPolicyReadsBackTheSame() throws IOException {
        Policy p = PolicyProposal.propose(scanExample(), Mode.ANONYMOUS, 5);
        Path f = dir.resolve("policy.yaml");
        Files.writeString(f, PolicyFile.write(p));
        Policy back = PolicyFile.read(f);
        assertThat(back.mode()).isEqualTo(Mode.ANONYMOUS);
        assertThat(back.k()).isEqualTo(5);
        assertThat(back.suppressionLimit()).isEqualTo(0.05);
        p.columns().forEach((name, col) -> {
            assertThat(back.columns().get(name).role()).as(name).isEqualTo(col.role());
            assertThat(back.columns().get(name).transform()).as(name).isEqualTo(col.transform());
            assertThat(back.columns().get(name).hierarchy()).as(name).isEqualTo(col.hierarchy());
        });
    }

    @Test
    void mistakesNameTheColumnAndField() throws IOException {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, "mode: anonymous\nprivacy: {k: 5}\ncolumns:\n  年齢: {role: quasi_identifier, transform: generalize}\n");
        assertThatThrownBy(() -> PolicyFile.read(f)).hasMessageContaining("column '年齢'").hasMessageContaining("hierarchy");
        Files.writeString(f, "mode: anonymous\ncolumns:\n  氏名: {role: owner, transform: delete}\n");
        assertThatThrownBy(() -> PolicyFile.read(f)).hasMessageContaining("column '氏名': role").hasMessageContaining("identifier");
        Files.writeString(f, "mode: pseudonymous\ncolumns:\n  氏名: {role: identifier, transform: pseudonym}\n");
        assertThatThrownBy(() -> PolicyFile.read(f)).hasMessageContaining("利用目的");
        Files.writeString(f, "mode: [unclosed\n");
        assertThatThrownBy(() -> PolicyFile.read(f)).hasMessageContaining("not a YAML policy");
    }
}
