package dev.mamori.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The periods of periods.tsv against the legal spec (section E), at month ends and in leap years. */
class LegalPeriodsTest {

    @Test
    void everyRuleNamesItsSourceAndWhatItMeans() {
        assertThat(LegalPeriods.all()).hasSizeGreaterThanOrEqualTo(16).allSatisfy(p -> {
            assertThat(p.source()).as(p.id()).containsPattern("条|ガイドライン");
            assertThat(p.note()).as(p.id()).isNotBlank();
        });
    }

    @Test
    void theFiguresAreTheLaws() {
        assertThat(LegalPeriods.get("incident.final").amount()).isEqualTo(30);
        assertThat(LegalPeriods.get("incident.final.unlawful").amount()).isEqualTo(60);
        assertThat(LegalPeriods.get("incident.persons.business").amount()).isEqualTo(1000);
        assertThat(LegalPeriods.get("incident.persons.public_body").amount()).isEqualTo(100);
        assertThat(LegalPeriods.get("record.retention.contract").amount()).isEqualTo(1);
        assertThat(LegalPeriods.get("record.retention.batch").amount()).isEqualTo(3);
        assertThat(LegalPeriods.get("record.retention.each").amount()).isEqualTo(3);
        assertThat(LegalPeriods.get("pia.redo").amount()).isEqualTo(5);
        assertThatThrownBy(() -> LegalPeriods.get("incident.finale")).hasMessageContaining("incident.finale");
    }

    @ParameterizedTest(name = "{0}: {1} → {2}")
    @CsvSource({
            // 確報: the day learned is day 1, so day 30 is 29 days later — across month ends and 2/29
            "incident.final,          2025-04-01, 2025-04-30",
            "incident.final,          2025-01-31, 2025-03-01",
            "incident.final,          2024-01-31, 2024-02-29",
            "incident.final,          2024-02-29, 2024-03-29",
            "incident.final,          2025-12-15, 2026-01-13",
            "incident.final.unlawful, 2025-04-01, 2025-05-30",
            "incident.final.unlawful, 2024-01-01, 2024-02-29",
            "incident.final.unlawful, 2023-01-01, 2023-03-01",
            "incident.preliminary.from, 2025-04-01, 2025-04-03",
            "incident.preliminary.to,   2025-04-01, 2025-04-05",
            "incident.preliminary.to,   2024-02-27, 2024-03-02",
            "incident.preliminary.to,   2025-02-27, 2025-03-03",
            "request.public_body,     2025-02-01, 2025-03-02",
            "request.public_body,     2024-02-01, 2024-03-01",
            "request.internal,        2025-12-25, 2026-01-07",
            "request.lawsuit,         2025-03-20, 2025-04-02",
            // kept until the day before the anniversary; from 2/29 to the end of February of a common year
            "record.retention.each,     2025-04-01, 2028-03-31",
            "record.retention.each,     2024-02-29, 2027-02-28",
            "record.retention.each,     2024-03-01, 2027-02-28",
            "record.retention.each,     2023-03-01, 2026-02-28",
            "record.retention.batch,    2025-01-01, 2027-12-31",
            "record.retention.contract, 2024-02-29, 2025-02-28",
            "record.retention.contract, 2023-03-01, 2024-02-29",
            "record.retention.contract, 2025-12-31, 2026-12-30",
            "record.retention.each,     2024-02-29, 2027-02-28",
            "pia.redo,                  2024-02-29, 2029-02-28",
            "pia.redo,                  2020-02-29, 2025-02-28",
            "pia.redo,                  2023-12-21, 2028-12-20",
            "transfer.periodic_check,   2025-06-30, 2026-06-29",
    })
    void lastDays(String id, LocalDate from, LocalDate last) {
        assertThat(LegalPeriods.get(id).lastDay(from)).isEqualTo(last);
    }

    @Test
    void aThresholdIsNoPeriod() {
        assertThatThrownBy(() -> LegalPeriods.get("incident.persons.business").lastDay(LocalDate.of(2025, 1, 1)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new LegalPeriod("x", 3, LegalPeriod.Unit.YEARS, LegalPeriod.Counting.WITHIN, "法1条", "H", "n"))
                .hasMessageContaining("within");
        assertThatThrownBy(() -> new LegalPeriod("x", 0, LegalPeriod.Unit.DAYS, LegalPeriod.Counting.WITHIN, "法1条", "H", "n"))
                .hasMessageContaining("positive");
    }
}
