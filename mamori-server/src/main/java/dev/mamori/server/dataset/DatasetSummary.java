package dev.mamori.server.dataset;

import dev.mamori.assess.ThresholdAssessment;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A dataset as a list shows it: what it is, how many people, whether it is a 特定個人情報ファイル and which assessment
 * its counts call for. The whole dataset (items, contractors, the threshold assessment with its bands) is one
 * {@code GET /api/datasets/{id}} away; a list page of 50 carries a fifth of the bytes.
 *
 * @param itemCount                       how many data items it has
 * @param specificPersonalInformationFile whether one of them holds 個人番号
 * @param thresholdResult                 the key of the しきい値判断's result ({@link Dataset#threshold()}), or null
 */
public record DatasetSummary(long id, int version, String name, String purpose, Long persons, Long handlers, String systemName,
                             int itemCount, boolean specificPersonalInformationFile, String thresholdResult, LocalDate piaRedoBy,
                             Instant updatedAt, String updatedBy) {

    static DatasetSummary of(long id, int version, String name, String purpose, Long persons, Long handlers, String systemName,
                             int itemCount, boolean myNumber, LocalDate piaPublishedOn, Instant updatedAt, String updatedBy) {
        ThresholdAssessment t = Dataset.threshold(myNumber, persons, handlers);
        return new DatasetSummary(id, version, name, purpose, persons, handlers, systemName, itemCount, myNumber,
                t == null ? null : t.result().key(), Dataset.piaRedoBy(piaPublishedOn), updatedAt, updatedBy);
    }
}
