package dev.mamori.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.ledger.Incident.Event;
import dev.mamori.ledger.Incident.Holder;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 規則7条 (and 43条, 番号法 報告規則2条4号) as a table: who must report, and by when. */
class IncidentTest {

    private static final LocalDate APRIL_1 = LocalDate.of(2025, 4, 1);

    @ParameterizedTest(name = "{0} persons, {1}, my number {2} → reportable {3}")
    @CsvSource({
            "1000, BUSINESS,    false, false",
            "1001, BUSINESS,    false, true",
            "100,  PUBLIC_BODY, false, false",
            "101,  PUBLIC_BODY, false, true",
            "100,  BUSINESS,    true,  false",
            "101,  BUSINESS,    true,  true",
            "0,    BUSINESS,    false, false",
    })
    void personThresholdsAreMoreThan(long persons, Holder holder, boolean myNumber, boolean reportable) {
        Incident b = new Incident(APRIL_1, holder, myNumber, persons, false, false, false, false);
        assertThat(b.duty().reportable()).isEqualTo(reportable);
    }

    @Test
    void oneSensitiveRecordIsEnoughAndEveryEventIsListedInTheOrderOfTheArticle() {
        Incident.Duty d = new Incident(APRIL_1, Holder.BUSINESS, false, 5000, true, true, true, false).duty();
        assertThat(d.events()).containsExactly(Event.SENSITIVE, Event.FINANCIAL_HARM, Event.UNLAWFUL_INTENT, Event.MANY_PERSONS);
        assertThat(new Incident(APRIL_1, Holder.BUSINESS, false, 1, true, false, false, false).duty().events())
                .containsExactly(Event.SENSITIVE);
        assertThat(Event.SENSITIVE.source()).contains("規則7条1号");
    }

    @Test
    void deadlinesRunFromTheDayItWasLearnedAndUnlawfulIntentHasSixtyDays() {
        Incident.Duty d = new Incident(APRIL_1, Holder.BUSINESS, false, 1, false, true, false, false).duty();
        assertThat(d.preliminaryFrom()).isEqualTo("2025-04-03");
        assertThat(d.preliminaryBy()).isEqualTo("2025-04-05");
        assertThat(d.finalBy()).isEqualTo("2025-04-30");
        Incident.Duty attack = new Incident(APRIL_1, Holder.BUSINESS, false, 1, false, false, true, false).duty();
        assertThat(attack.finalBy()).isEqualTo("2025-05-30");
    }

    @Test
    void highlyEncryptedDataIsNoEventAndNothingIsDue() {
        Incident.Duty d = new Incident(APRIL_1, Holder.BUSINESS, true, 50_000, true, true, true, true).duty();
        assertThat(d.reportable()).isFalse();
        assertThat(d.events()).isEmpty();
        assertThat(d.finalBy()).isNull();
    }

    @Test
    void badFactsAreRefused() {
        assertThatThrownBy(() -> new Incident(APRIL_1, Holder.BUSINESS, false, -1, false, false, false, false))
                .hasMessageContaining("negative");
        assertThatThrownBy(() -> new Incident(null, Holder.BUSINESS, false, 1, false, false, false, false))
                .hasMessageContaining("learned");
    }
}
