package dev.mamori.server.dataset;

import dev.mamori.assess.Assessment;
import dev.mamori.assess.ThresholdAssessment;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * One entry of the 個人データ台帳: a set of personal data the organisation keeps, what it holds, for what, where, and
 * for how long. A dataset holding 個人番号 is a 特定個人情報ファイル and carries the threshold assessment of its counts.
 */
public record Dataset(long id, int version, String name, String purpose, Long persons, Long handlers, String systemName,
                      String location, String cloudProvider, String cloudCountry, String retention, List<DataItem> items,
                      boolean hasEvidence, Instant createdAt, Instant updatedAt, String updatedBy) {

    public Dataset {
        items = List.copyOf(items);
    }

    /** Whether the dataset holds 個人番号, which makes it a 特定個人情報ファイル. */
    @JsonProperty
    public boolean specificPersonalInformationFile() {
        return items.stream().anyMatch(DataItem::myNumber);
    }

    /** The しきい値判断 for its counts (no serious incident assumed), or null when it is not a 特定個人情報ファイル or a count is missing. */
    @JsonProperty
    public ThresholdAssessment threshold() {
        if (!specificPersonalInformationFile() || persons == null || handlers == null) {
            return null;
        }
        return Assessment.threshold(persons, handlers, false);
    }
}
