package dev.mamori.server.register;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.mamori.server.request.SubjectRequest;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** A form's text read into an entry: dates in either calendar, numbers with commas, wrong values named by field. */
class FormReaderTest {

    final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "2026-12-03, 2026-12-03",
            "2026/1/5, 2026-01-05",
            "2026年1月5日, 2026-01-05",
            "令和8年12月3日, 2026-12-03",
            "令和元年5月1日, 2019-05-01",
            "R8.12.3, 2026-12-03",
            "h31.4.30, 2019-04-30",
            "平成31年5月1日, ''",   // 平成 had ended: that day is 令和元年
            "2026-02-30, ''",
            "昨日, ''",
            "２０２６－１２－０３, 2026-12-03",
    })
    void dates(String text, String expected) {
        LocalDate d = FormReader.date(text);
        assertThat(d == null ? "" : d.toString()).isEqualTo(expected);
    }

    @Test
    void aFormIsReadFieldByFieldAndEveryUnreadableValueIsNamed() {
        Map<String, String> text = new LinkedHashMap<>();
        text.put("type", "DISCLOSURE");
        text.put("received_on", "令和8年11月2日");
        text.put("requester_name", "  山田花子 ");
        text.put("agent", "NONE");
        text.put("status", "RECEIVED");
        text.put("extended", "true");
        Map<String, String> problems = new LinkedHashMap<>();
        SubjectRequest r = FormReader.read(SubjectRequest.REGISTER, text, json, problems);
        assertThat(problems).isEmpty();
        assertThat(r.receivedOn()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(r.requesterName()).isEqualTo("山田花子");
        assertThat(r.extended()).isTrue();
        assertThat(r.answeredOn()).isNull();
        assertThat(FormReader.text(SubjectRequest.REGISTER, r)).containsEntry("received_on", "2026-11-02").containsEntry("extended", "true");

        text.put("type", "GOSSIP");
        text.put("received_on", "先週");
        text.put("answered_on", "2026-13-01");
        assertThat(FormReader.read(SubjectRequest.REGISTER, text, json, problems)).isNull();
        assertThat(problems).containsOnlyKeys("type", "received_on", "answered_on").containsEntry("type", "choice").containsEntry("received_on", "date");
    }
}
