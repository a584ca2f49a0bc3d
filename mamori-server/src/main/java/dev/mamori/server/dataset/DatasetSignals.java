package dev.mamori.server.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.assess.ThresholdAssessment;
import dev.mamori.ledger.LegalPeriods;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the dashboard needs to know about the 個人データ台帳: threshold bands crossed, PIAs due to be redone. */
@Service
public class DatasetSignals {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    DatasetSignals(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A saved version that moved a 特定個人情報ファイル into another band of the しきい値判断 (or into or out of one). */
    public record BandChange(long datasetId, String name, int version, Instant changedAt, ThresholdAssessment before,
                             ThresholdAssessment after) {
    }

    /** A 特定個人情報ファイル whose PIA should be redone by {@code redoBy}. */
    public record PiaDue(long datasetId, String name, LocalDate publishedOn, String reference, LocalDate redoBy) {
    }

    /** The band changes saved since {@code since}, newest first. */
    @Transactional(readOnly = true)
    public List<BandChange> bandChanges(Instant since) {
        record V(long id, int version, Instant at, String json) {
        }
        List<V> versions = jdbc.sql("select h.dataset_id, h.version, h.changed_at, h.snapshot_json from dataset_history h"
                        + " where h.dataset_id in (select dataset_id from dataset_history where changed_at >= ? and version > 1)"
                        + " order by h.dataset_id, h.version")
                .param(Timestamp.from(since))
                .query((rs, n) -> new V(rs.getLong(1), rs.getInt(2), rs.getTimestamp(3).toInstant(), rs.getString(4))).list();
        List<BandChange> out = new ArrayList<>();
        for (int i = 1; i < versions.size(); i++) {
            V prev = versions.get(i - 1);
            V v = versions.get(i);
            if (prev.id() != v.id() || v.at().isBefore(since)) {
                continue;
            }
            ThresholdAssessment before = threshold(prev.json());
            ThresholdAssessment after = threshold(v.json());
            String b = before == null ? null : before.result().key();
            String a = after == null ? null : after.result().key();
            if (b == null ? a != null : !b.equals(a)) {
                DatasetInput now = read(v.json());
                out.add(new BandChange(v.id(), now.name(), v.version(), v.at(), before, after));
            }
        }
        out.sort(Comparator.comparing(BandChange::changedAt).reversed());
        return out;
    }

    /** The datasets with a PIA to redo on or before {@code until}, soonest first. */
    @Transactional(readOnly = true)
    public List<PiaDue> piaDue(LocalDate until) {
        return jdbc.sql("select id, name, pia_published_on, pia_reference from dataset where pia_published_on is not null")
                .query((rs, n) -> {
                    LocalDate published = rs.getObject(3, LocalDate.class);
                    return new PiaDue(rs.getLong(1), rs.getString(2), published, rs.getString(4), LegalPeriods.get("pia.redo").lastDay(published));
                }).list().stream()
                .filter(p -> !p.redoBy().isAfter(until)).sorted(Comparator.comparing(PiaDue::redoBy)).toList();
    }

    private ThresholdAssessment threshold(String snapshot) {
        DatasetInput in = read(snapshot);
        return Dataset.threshold(in.items(), in.persons(), in.handlers());
    }

    private DatasetInput read(String snapshot) {
        try {
            return json.readValue(snapshot, DatasetInput.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored dataset version could not be read: " + e.getOriginalMessage(), e);
        }
    }
}
