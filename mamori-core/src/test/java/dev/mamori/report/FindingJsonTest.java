package dev.mamori.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.detect.Finding;
import dev.mamori.detect.LocatedFinding;
import dev.mamori.detect.Location;
import dev.mamori.detect.PiiType;
import org.junit.jupiter.api.Test;

class FindingJsonTest {

    private static final Finding NAME = new Finding(PiiType.PERSON, 3, 7, 0.7599999999999999, false, "山田太郎");

    @Test
    void aLineOfTextHasTheFieldsInOrderWithTheConfidenceRounded() {
        String line = FindingJson.line(new LocatedFinding(new Location("a.txt", 4, 0, null, null, -1, null), NAME), false);
        assertThat(line).startsWith("{\"file\":\"a.txt\",\"type\":\"PERSON\",\"category\":\"PERSONAL_INFORMATION\",\"start\":3,\"end\":7,"
                + "\"confidence\":0.76,\"validated\":false,\"masked\":\"")
                .endsWith("\",\"line\":4}").doesNotContain("山田太郎").doesNotContain("row");
        assertThat(FindingJson.line(new LocatedFinding(new Location("a.txt", 4, 0, null, null, -1, null), NAME), true))
                .contains("\"value\":\"山田太郎\"");
    }

    @Test
    void aCellHasItsRowOnlyWhenItIsKnown() {
        Location csv = new Location("t.csv", 9, 8, null, "氏名", 1, null);
        assertThat(FindingJson.line(new LocatedFinding(csv, NAME), false)).endsWith(",\"line\":9,\"row\":8,\"column\":\"氏名\",\"column_index\":1}");
        Location partition = new Location("t.csv", 0, 0, null, "氏名", 1, null); // a table read on a cluster
        assertThat(FindingJson.line(new LocatedFinding(partition, NAME), false)).endsWith(",\"column\":\"氏名\",\"column_index\":1}");
    }

    @Test
    void controlsAndBidirectionalOverridesAreEscapedAndReadBackTheSame() throws Exception {
        String column = "名\u202e前\u001b[31m\u0085";
        String line = FindingJson.line(new LocatedFinding(new Location("t.csv", 2, 1, "Sheet\u2028", column, 0, null), NAME), false);
        assertThat(line).doesNotContain("\u202e").doesNotContain("\u001b").doesNotContain("\u0085").doesNotContain("\u2028")
                .contains("\\u202e").contains("\\u001B").contains("\\u0085").contains("\\u2028");
        JsonNode back = new ObjectMapper().readTree(line);
        assertThat(back.get("column").asText()).isEqualTo(column);
        assertThat(back.get("sheet").asText()).isEqualTo("Sheet\u2028");
    }
}
