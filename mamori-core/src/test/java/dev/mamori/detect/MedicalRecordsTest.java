package dev.mamori.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class MedicalRecordsTest {

    private static final Detector ALL = Detector.of(EnumSet.allOf(PiiType.class), Detector.DEFAULT_MIN_CONFIDENCE);

    private static List<String> found(String text, PiiType... types) {
        EnumSet<PiiType> wanted = EnumSet.of(types[0], types);
        return ALL.detect(text, ALL.freeText()).stream().filter(f -> wanted.contains(f.type()))
                .map(f -> f.type() + ":" + f.value()).toList();
    }

    @Test
    void hl7SegmentsGiveTheirFieldsByPosition() {
        String msg = "MSH|^~\\&|LAB|IZUMI01|||20251018093012||ORU^R01|M0008812|P|2.5\r"
                + "PID|1||10045502^^^IZUMI||前田^美穂^^^^^L^I~マエダ^ミホ^^^^^L^P||19760814|F\r"
                + "NK1|1|前田^浩二|SPO\r"
                + "IN1|1|06^JHSD0001|31270671^^^JHSD0001|近畿財務共済||||近畿財" + "|".repeat(28) + "301\r"
                + "OBX|1|NM|HbA1c||7.4|%|4.6-6.2|H|||F\r";
        assertThat(found(msg, PiiType.PERSON)).containsExactly("PERSON:前田^美穂", "PERSON:マエダ^ミホ", "PERSON:前田^浩二");
        assertThat(found(msg, PiiType.DATE_OF_BIRTH)).containsExactly("DATE_OF_BIRTH:19760814");
        assertThat(found(msg, PiiType.HEALTH_INSURANCE)).containsExactly("HEALTH_INSURANCE:31270671", "HEALTH_INSURANCE:近畿財",
                "HEALTH_INSURANCE:301");
        // not a date: a DTM that is no real day; not a name: an empty family name, digits, a placeholder
        String header = "MSH|^~\\&|A|B|||20251018||ADT^A08|1|P|2.5\r";
        assertThat(found(header + "PID|1||100||^花子||19761341|F\r", PiiType.PERSON, PiiType.DATE_OF_BIRTH)).isEmpty();
        assertThat(found(header + "PID|1||100||12345^67890~UNKNOWN^UNKNOWN||19700105|F\r", PiiType.PERSON)).isEmpty();
        // names with an apostrophe, a hyphen, a middle dot; a birth time with its zone; the 記号 and 番号 in IN1-10 and 11 (the
        // plan's 06 of IN1-2 is also reported, by the number rules, as before this recognizer)
        assertThat(found(header + "PID|1||100||O'BRIEN^MARY~スミス^ジョン・ポール||197001051230+0900|F\r"
                + "IN1|1|06^組合管掌健康保険^JHSD0001|06050116|||||||９２０４５|１０|19990514\r", PiiType.PERSON, PiiType.DATE_OF_BIRTH,
                PiiType.HEALTH_INSURANCE)).contains("PERSON:O'BRIEN^MARY", "PERSON:スミス^ジョン・ポール", "DATE_OF_BIRTH:19700105",
                        "HEALTH_INSURANCE:06050116", "HEALTH_INSURANCE:９２０４５", "HEALTH_INSURANCE:１０");
        // without a message header, lines that start with PID| are a process list or a column list, not a message
        assertThat(found("PID|USER|PR|NI|VIRT|COMMAND|TIME\n1|root|20|0|1000|init|00:01\n", PiiType.PERSON)).isEmpty();
        assertThat(found("PID|カナ|性別|生年月日|診療科|住所|電話|主治医\n", PiiType.PERSON)).isEmpty();
    }

    @Test
    void receiptRecordsGiveTheNameTheBirthDateAndTheCard() {
        String uke = "IR,1,13,1,1312345,,いずみ台クリニック,202509,00,03-0000-7720\n"
                + "RE,1,1112,202509,大川 陸,1,3620305,70,,,,,,10004417\n"
                + "HO,06273213,ＫＴ,20931,2,1284\n"
                + "KO,88131016,4103377,,1,512\n";
        assertThat(found(uke, PiiType.PERSON, PiiType.DATE_OF_BIRTH, PiiType.HEALTH_INSURANCE)).containsExactly("PERSON:大川 陸",
                "DATE_OF_BIRTH:3620305", "HEALTH_INSURANCE:06273213", "HEALTH_INSURANCE:ＫＴ", "HEALTH_INSURANCE:20931");
        // era code 6 is no era, 3 and 00 no year, 昭和64年1月8日 and 平成31年5月1日 no day of theirs; since 令和 yyyymmdd
        String ir = "IR,1,13,1,1312345,,いずみ台クリニック,202509,00\n";
        assertThat(found(ir + "RE,1,1112,202509,大川 陸,1,6620305,70\nRE,2,1112,202509,大川 陸,1,3000305,70\n"
                + "RE,3,1112,202509,大川 陸,1,3640108,70\nRE,4,1112,202509,大川 陸,1,4310501,70\n", PiiType.DATE_OF_BIRTH)).isEmpty();
        assertThat(found(ir + "RE,1,1112,202509,大川 陸,1,19870305,70\n", PiiType.DATE_OF_BIRTH)).containsExactly("DATE_OF_BIRTH:19870305");
        // a CSV whose first column is HO or RE, with no receipt's header record, is no receipt; nor is a reply's RE, line
        assertThat(found("区分,コード,名称,数量\nHO,06273213,ＫＴ,20931\n", PiiType.HEALTH_INSURANCE)).isEmpty();
        assertThat(found("RE,2024,05,売上,山本商事,9,3620305\nHO,20240501,ABC,1234,5,6,7\n", PiiType.PERSON, PiiType.DATE_OF_BIRTH,
                PiiType.HEALTH_INSURANCE)).doesNotContain("PERSON:山本商事", "DATE_OF_BIRTH:3620305", "HEALTH_INSURANCE:ABC");
        assertThat(found(ir + "RE, thanks for the update, see you, Bob, tomorrow, 1234567\n", PiiType.PERSON)).isEmpty();
    }
}
