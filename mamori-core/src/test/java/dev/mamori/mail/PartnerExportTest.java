package dev.mamori.mail;

import static org.assertj.core.api.Assertions.assertThat;

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
        long t = System.nanoTime();
        String out = PartnerExport.replaceAddresses(huge, a -> true);
        assertThat((System.nanoTime() - t) / 1e6).isLessThan(500);
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
}
