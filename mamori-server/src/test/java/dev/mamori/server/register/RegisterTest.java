package dev.mamori.server.register;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.server.incident.IncidentRecord;
import dev.mamori.server.provision.ProvisionRecord;
import org.junit.jupiter.api.Test;

/** A register's fields as forms show them come from the entry record: kinds, required, lengths, sections. */
class RegisterTest {

    @Test
    void fieldsAreReadFromTheRecordsComponentsAndTheirConstraints() {
        Register<ProvisionRecord> r = ProvisionRecord.REGISTER;
        Field name = r.field("counterpartyName").orElseThrow();
        assertThat(name.json()).isEqualTo("counterparty_name");
        assertThat(name.kind()).isEqualTo(Field.Kind.TEXT);
        assertThat(name.max()).isEqualTo(200);
        assertThat(name.section()).isEqualTo("counterparty");
        assertThat(r.field("providerAcquisition").orElseThrow().kind()).isEqualTo(Field.Kind.TEXTAREA);
        assertThat(r.field("madeOn").orElseThrow().required()).isTrue();
        assertThat(r.field("eventOn").orElseThrow().required()).isFalse();
        assertThat(r.field("basis").orElseThrow().options()).containsExactly("OPT_OUT", "CONSENT", "RELATED_INFO", "NON_BUSINESS");
        assertThat(r.field("consentObtained").orElseThrow().kind()).isEqualTo(Field.Kind.YES_NO);
        assertThat(r.sections()).containsOnlyKeys("main", "counterparty", "data");
        assertThat(IncidentRecord.REGISTER.field("name").orElseThrow().required()).isTrue();
        // every text field has a length limit the form can enforce
        for (Register<?> reg : java.util.List.of(ProvisionRecord.REGISTER, IncidentRecord.REGISTER)) {
            reg.fields().stream().filter(f -> f.kind() == Field.Kind.TEXT || f.kind() == Field.Kind.TEXTAREA)
                    .forEach(f -> assertThat(f.max()).as(f.name()).isPositive());
        }
    }
}
