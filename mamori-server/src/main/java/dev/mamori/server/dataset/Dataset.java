package dev.mamori.server.dataset;

import dev.mamori.assess.Assessment;
import dev.mamori.assess.ThresholdAssessment;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.mamori.ledger.LegalPeriods;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One entry of the 個人データ台帳: a set of personal data the organisation keeps, what it holds, for what, where, and
 * for how long. A dataset holding 個人番号 is a 特定個人情報ファイル and carries the threshold assessment of its counts.
 */
public record Dataset(long id, int version, String name, String purpose, Long persons, Long handlers, String systemName,
                      String location, String cloudProvider, String cloudCountry, String retention, LocalDate piaPublishedOn,
                      String piaReference, List<DataItem> items, List<Contractor> contractors,
                      boolean hasEvidence, Instant createdAt, Instant updatedAt, String updatedBy) {

    public Dataset {
        items = List.copyOf(items);
        contractors = List.copyOf(contractors);
    }

    Dataset withId(long newId) {
        return new Dataset(newId, version, name, purpose, persons, handlers, systemName, location, cloudProvider, cloudCountry, retention,
                piaPublishedOn, piaReference, items, contractors, hasEvidence, createdAt, updatedAt, updatedBy);
    }

    /** Whether the dataset holds 個人番号, which makes it a 特定個人情報ファイル. */
    @JsonProperty
    public boolean specificPersonalInformationFile() {
        return items.stream().anyMatch(DataItem::myNumber);
    }

    /** The day before which its PIA should be redone (5 years from publication, 特定個人情報保護評価に関する規則15条), or null. */
    @JsonProperty
    public LocalDate piaRedoBy() {
        return piaRedoBy(piaPublishedOn);
    }

    static LocalDate piaRedoBy(LocalDate piaPublishedOn) {
        return piaPublishedOn == null ? null : LegalPeriods.get("pia.redo").lastDay(piaPublishedOn);
    }

    /** The しきい値判断 for its counts (no serious incident assumed), or null when it is not a 特定個人情報ファイル or a count is missing. */
    @JsonProperty
    public ThresholdAssessment threshold() {
        return threshold(items, persons, handlers);
    }

    /** The しきい値判断 for a 特定個人情報ファイル with these items and counts, or null (not one, or a count missing). */
    static ThresholdAssessment threshold(List<DataItem> items, Long persons, Long handlers) {
        return threshold(items.stream().anyMatch(DataItem::myNumber), persons, handlers);
    }

    static ThresholdAssessment threshold(boolean myNumber, Long persons, Long handlers) {
        return !myNumber || persons == null || handlers == null ? null : Assessment.threshold(persons, handlers, false);
    }
}
