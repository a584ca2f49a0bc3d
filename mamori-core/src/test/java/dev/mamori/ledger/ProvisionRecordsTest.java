package dev.mamori.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.ledger.ProvisionRecords.Kind;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 規則21条 / 25条: what the retention runs from, and that nothing is deleted a day early. */
class ProvisionRecordsTest {

    @ParameterizedTest(name = "{0}: made {1}, last {2} → keep until {3}")
    @CsvSource({
            "EACH,     2025-04-01, 2026-09-01, 2028-03-31",   // from the day made, whatever the last provision
            "BATCH,    2025-04-01, 2026-09-01, 2029-08-31",   // from the last provision it covers
            "CONTRACT, 2025-04-01, 2026-09-01, 2027-08-31",
            "CONTRACT, 2024-01-10, 2024-02-29, 2025-02-28",   // last provision on 2/29
            "BATCH,    2020-01-01, 2024-02-29, 2027-02-28",
            "EACH,     2024-02-29, ,           2027-02-28",
    })
    void keepUntil(Kind kind, LocalDate made, LocalDate last, LocalDate until) {
        assertThat(ProvisionRecords.keepUntil(kind, made, last)).isEqualTo(until);
        assertThat(ProvisionRecords.expired(kind, made, last, until)).isFalse();
        assertThat(ProvisionRecords.expired(kind, made, last, until.plusDays(1))).isTrue();
    }

    @Test
    void aBatchOrContractRecordNeedsItsLastProvision() {
        assertThatThrownBy(() -> ProvisionRecords.keepUntil(Kind.BATCH, LocalDate.of(2025, 1, 1), null))
                .hasMessageContaining("last provision");
        assertThat(Kind.CONTRACT.period().source()).contains("規則21条1号");
    }
}
