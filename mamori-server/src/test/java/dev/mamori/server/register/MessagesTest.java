package dev.mamori.server.register;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.ledger.Incident;
import dev.mamori.server.incident.IncidentRecord;
import dev.mamori.server.provision.ProvisionRecord;
import dev.mamori.server.request.SubjectRequest;
import dev.mamori.server.transfer.Transfer;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every name a register's pages show has its text in Japanese and in English: no page shows a message key. */
class MessagesTest {

    static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (var in = new InputStreamReader(MessagesTest.class.getResourceAsStream("/" + name), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    @Test
    void everyFieldChoiceSectionDeadlineAndFindingHasItsTextInBothLanguages() throws IOException {
        List<String> keys = new ArrayList<>();
        for (Register<?> r : List.of(ProvisionRecord.REGISTER, Transfer.REGISTER, SubjectRequest.REGISTER, IncidentRecord.REGISTER)) {
            keys.add("register." + r.name() + ".title");
            keys.add("register." + r.name() + ".about");
            r.sections().keySet().stream().filter(s -> !s.equals("main")).forEach(s -> keys.add("section." + r.name() + "." + s));
            for (Field f : r.fields()) {
                keys.add("field." + r.name() + "." + f.json());
                if (f.kind() == Field.Kind.CHOICE) {
                    Class<?> type = java.util.Arrays.stream(r.type().getRecordComponents()).filter(c -> c.getName().equals(f.name()))
                            .findFirst().orElseThrow().getType();
                    String n = type.getName();
                    String prefix = "enum." + n.substring(n.lastIndexOf('.') + 1).replace('$', '.') + ".";
                    f.options().forEach(o -> keys.add(prefix + o));
                }
            }
        }
        for (String d : List.of("periodic_check", "response", "preliminary", "final", "final_unlawful", "pia_redo")) {
            keys.add("deadline." + d);
        }
        for (String f : List.of("retention_rule", "designated_country", "lawsuit_from", "reportable", "events", "reported_by_principal",
                "preliminary_window")) {
            keys.add("fact." + f);
        }
        for (Incident.Event e : Incident.Event.values()) {
            keys.add("enum.Incident.Event." + e.name());
        }
        for (Incident.Holder h : Incident.Holder.values()) {
            keys.add("enum.Incident.Holder." + h.name());
        }
        Properties ja = bundle("messages_ja.properties");
        Properties en = bundle("messages.properties");
        assertThat(keys).allSatisfy(k -> {
            assertThat(ja.getProperty(k)).as("ja " + k).isNotBlank();
            assertThat(en.getProperty(k)).as("en " + k).isNotBlank();
        });
        // and the two bundles have the same keys
        assertThat(ja.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
    }
}
