package dev.mamori.mail;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartnerExportTest {

    @Test
    void recipientsAreMaskedEverywhereAndSendersKept() {
        String mail = "Received: from a (a [192.0.2.1]) by mx.trap.example.jp for <random77@trap.example.jp>; Thu, 22 Aug 2002 18:28:34 +0100\n"
                + "To: Someone <random77@trap.example.jp>, trap1@trap.example.jp\nFrom: seller@spam.example\n"
                + "X-Note: sent to trap1@trap.example.jp and random77@trap.example.jp\nSubject: hi\n\nbody\n";
        Headers h = Headers.parse(mail.getBytes(StandardCharsets.ISO_8859_1));
        Trace t = new RelayTracer(TrustConfig.none()).trace(h);
        MessageReport r = new MessageReport("m.eml", 1, null, "hi", null, t, Attribution.unattributed("192.0.2.1"));
        String line = new PartnerExport(List.of("trap1@trap.example.jp")).jsonLine(r, h);
        assertThat(line).doesNotContain("random77").doesNotContain("trap1@").contains("seller@spam.example").contains("[recipient]");
    }

    @Test
    void aHugeHeaderLineTakesLinearTime() {
        String huge = "x".repeat(200_000) + " " + "a.".repeat(50_000) + "@" + "b".repeat(10_000);
        // the quadratic scan took minutes on this line; a linear one finishes within the test's own timeout
        String out = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                () -> PartnerExport.replaceAddresses(huge, a -> true));
        assertThat(out).endsWith(PartnerExport.MASK);
        assertThat(PartnerExport.replaceAddresses("no at sign " + "y".repeat(300_000), a -> true)).hasSize(300_011);
    }

    @Test
    void rawUtf8HeadersStayReadable() {
        byte[] mail = "Received: from a (a [192.0.2.1]) by mx; Thu, 22 Aug 2002 18:28:34 +0100\nSubject: 激安セール\n\nb\n".getBytes(StandardCharsets.UTF_8);
        Headers h = Headers.parse(mail);
        MessageReport r = new MessageReport("m.eml", 1, null, null, null, new RelayTracer(TrustConfig.none()).trace(h), Attribution.unattributed("192.0.2.1"));
        assertThat(new PartnerExport(List.of()).jsonLine(r, h)).contains("激安セール");
    }

    /** A spammer's HELO, rDNS, Subject and From that a spreadsheet would run: every cell comes out inert (issue 9). */
    @Test
    void csvCellsASpreadsheetWouldRunAreNeutralised() throws Exception {
        String mail = "Received: from =cmd|' /C calc'!A0 (@SUM(1+1).example [61.1.2.3])\n\tby mx.ours.jp with ESMTP id X; Thu, 22 Aug 2002 18:28:34 +0100\n"
                + "From: +1 <-2+3@spam.example>\nSubject: =HYPERLINK(\"http://evil.example\",\"click\")\nMessage-ID: <-12@spam.example>\n"
                + "Date: -12\n\nbody\n";
        Headers h = Headers.parse(mail.getBytes(StandardCharsets.ISO_8859_1));
        Trace t = new RelayTracer(TrustConfig.none()).trace(h);
        assertThat(t.relay().helo()).startsWith("=cmd");
        MessageReport r = new MessageReport("m.eml", 1, null, null, null, t, Attribution.unattributed("61.1.2.3"));
        String csv = PartnerExport.csvHeader() + new PartnerExport(List.of()).csvLine(r, h);
        List<CsvRecord> rows = CsvReader.builder().ofCsvRecord(csv).stream().toList();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).getFields()).startsWith("arrival", "relay_ip", "relay_rdns", "relay_helo");
        List<String> cells = rows.get(1).getFields();
        assertThat(cells).hasSize(15).allSatisfy(c -> assertThat(c).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@")
                .satisfiesAnyOf(x -> assertThat(x).doesNotStartWith("-"), x -> assertThat(x).matches("-[0-9.]+")));
        assertThat(cells.get(3)).isEqualTo("'=cmd|'"); // the HELO as parsed, inert
        assertThat(cells.get(12)).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"click\")");
        assertThat(cells.get(11)).isEqualTo("'+1 <-2+3@spam.example>");
        assertThat(cells.get(10)).as("a number stays a number").isEqualTo("-12");
        assertThat(cells.get(14)).startsWith("from =cmd|"); // a Received line starts with "from": inert as it is
    }
}
