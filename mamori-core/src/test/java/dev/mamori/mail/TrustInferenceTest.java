package dev.mamori.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Our relays are inferred from evidence that a host relays mail for others, never from volume alone (issue 9). */
class TrustInferenceTest {

    static final String SPAMMER = "203.0.113.66";
    static final String SECONDARY_MX = "198.51.100.25";

    /**
     * 40 messages to our MX mx.ours.example: 10 (25 %) straight from one spamming address, 12 through our
     * secondary MX (which received them from senders on the Internet), 18 straight from 18 other senders.
     */
    static List<String> mailbox(boolean spammerForgesLowerLines) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String forged = spammerForgesLowerLines
                    ? "Received: from friend (friend [61.7.8." + (i + 1) + "]) by relay" + i + ".example.net; Thu, 22 Aug 2024 09:00:00 +0000\n"
                    : "";
            out.add("Received: from bulk.example (unknown [" + SPAMMER + "])\n\tby mx.ours.example with ESMTP id S" + i
                    + "; Thu, 22 Aug 2024 10:0" + (i % 10) + ":00 +0000\n" + forged + "Subject: cheap " + i + "\n\nbuy\n");
        }
        for (int i = 0; i < 12; i++) {
            out.add("Received: from mx2.ours.example (mx2.ours.example [" + SECONDARY_MX + "])\n\tby mx.ours.example with ESMTP id R" + i
                    + "; Thu, 22 Aug 2024 11:00:00 +0000\n"
                    + "Received: from sender" + i + ".example (host" + i + ".example.com [61.9.1." + (i + 1) + "])\n\tby mx2.ours.example"
                    + " with ESMTP id Q" + i + "; Thu, 22 Aug 2024 10:59:00 +0000\nSubject: via mx2 " + i + "\n\nb\n");
        }
        for (int i = 0; i < 18; i++) {
            out.add("Received: from other" + i + " (unknown [211.3.4." + (i + 1) + "])\n\tby mx.ours.example with ESMTP id O" + i
                    + "; Thu, 22 Aug 2024 12:00:00 +0000\nSubject: other " + i + "\n\nb\n");
        }
        return out;
    }

    static TrustConfig infer(List<String> mails) {
        RelayTracer probe = new RelayTracer(TrustConfig.none());
        TrustInference inference = new TrustInference(0.2);
        for (String m : mails) {
            inference.add(probe.relays(headers(m)));
        }
        return inference.result();
    }

    static Headers headers(String mail) {
        return Headers.parse(mail.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void aSpammerWithAQuarterOfTheMailIsNotOursOurSecondaryMxIs() {
        List<String> mails = mailbox(false);
        TrustConfig t = infer(mails);
        assertThat(t.inferred()).isTrue();
        assertThat(t.describe()).contains(SECONDARY_MX + "/32").doesNotContain(SPAMMER);
        RelayTracer tracer = new RelayTracer(t);
        long fromSpammer = mails.stream().map(m -> tracer.trace(headers(m))).filter(tr -> tr.found() && tr.relay().ip().equals(SPAMMER)).count();
        assertThat(fromSpammer).as("the spammer's messages are traced to it, not lost as 'sent from inside'").isEqualTo(10);
        Trace viaMx2 = tracer.trace(headers(mails.get(10)));
        assertThat(viaMx2.relay().ip()).isEqualTo("61.9.1.1");
        assertThat(viaMx2.receivedBy()).isEqualTo("mx2.ours.example");
    }

    @Test
    void forgedLowerLinesThatDoNotNameTheSpammerAreNoEvidence() {
        assertThat(infer(mailbox(true)).describe()).contains(SECONDARY_MX).doesNotContain(SPAMMER);
    }

    @Test
    void aRelayIsOneThatNamesItselfInTheLineItWroteAndRecordsAnotherPublicClient() {
        Hop.Relay mx2 = new Hop.Relay(SECONDARY_MX, "mx2.ours.example", "mx2", "mx.ours.example", "", "", "", "", null);
        assertThat(TrustInference.relaysForOthers(mx2, below("61.9.1.1", "mx2.ours.example"))).isTrue();
        assertThat(TrustInference.relaysForOthers(mx2, below("61.9.1.1", "MX2"))).as("its HELO, any case").isTrue();
        Hop.Relay jp = new Hop.Relay(SECONDARY_MX, "mx2.example.jp", "mx2", "mx.example.jp", "", "", "", "", null);
        assertThat(TrustInference.relaysForOthers(jp, below("61.9.1.1", "smtp.example.jp"))).as("same registered domain as its rDNS").isTrue();
        assertThat(TrustInference.relaysForOthers(jp, below("61.9.1.1", "smtp.example.co.jp"))).isFalse();
        assertThat(TrustInference.relaysForOthers(mx2, below("61.9.1.1", "[" + SECONDARY_MX + "]"))).as("its address").isTrue();
        assertThat(TrustInference.relaysForOthers(mx2, below("61.9.1.1", "relay.elsewhere.example"))).isFalse();
        assertThat(TrustInference.relaysForOthers(mx2, below("61.9.1.1", "[198.51.100.26]"))).isFalse();
        assertThat(TrustInference.relaysForOthers(mx2, below("61.9.1.1", ""))).isFalse();
        assertThat(TrustInference.relaysForOthers(mx2, below("192.168.1.5", "mx2.ours.example"))).as("a private client is no evidence").isFalse();
        assertThat(TrustInference.relaysForOthers(mx2, below(SECONDARY_MX, "mx2.ours.example"))).as("itself").isFalse();
    }

    private static Hop.Relay below(String ip, String by) {
        return new Hop.Relay(ip, "", "client", by, "", "", "", "", null);
    }

    @Test
    void privateAndLoopbackAddressesAreOursWithoutEvidence() {
        String mail = "Received: from filter (localhost [127.0.0.1]) by mx.ours.example; Thu, 22 Aug 2024 10:00:01 +0000\n"
                + "Received: from mx.ours.example (gw [10.1.2.3]) by filter.ours.example; Thu, 22 Aug 2024 10:00:00 +0000\n"
                + "Received: from x (unknown [61.1.2.3]) by mx.ours.example; Thu, 22 Aug 2024 09:59:00 +0000\nSubject: s\n\nb\n";
        Trace t = new RelayTracer(infer(List.of(mail))).trace(headers(mail));
        assertThat(t.relay().ip()).isEqualTo("61.1.2.3");
        assertThat(t.trustedHops()).isEqualTo(2);
    }
}
