package dev.mamori.cli.spam;

import java.util.ArrayList;
import java.util.List;

/**
 * The synthetic mailbox of mamori-core's TrustInferenceTest, for the command line: 40 messages to our MX
 * mx.ours.example, 10 (25 %) straight from one spamming address, 12 through our secondary MX (received
 * from senders on the Internet), 18 straight from 18 other senders.
 */
final class TrustInferenceMailbox {

    static final String SPAMMER = "203.0.113.66";
    static final String SECONDARY_MX = "198.51.100.25";

    private TrustInferenceMailbox() {
    }

    static List<String> messages() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            out.add("Received: from bulk.example (unknown [" + SPAMMER + "])\n\tby mx.ours.example with ESMTP id S" + i
                    + "; Thu, 22 Aug 2024 10:0" + i + ":00 +0000\nSubject: cheap " + i + "\n\nbuy\n");
        }
        for (int i = 0; i < 12; i++) {
            out.add("Received: from mx2.ours.example (mx2.ours.example [" + SECONDARY_MX + "])\n\tby mx.ours.example with ESMTP id R"
                    + i + "; Thu, 22 Aug 2024 11:00:00 +0000\nReceived: from sender" + i + ".example (host" + i + ".example.com [61.9.1."
                    + (i + 1) + "])\n\tby mx2.ours.example with ESMTP id Q" + i + "; Thu, 22 Aug 2024 10:59:00 +0000\nSubject: via mx2 "
                    + i + "\n\nb\n");
        }
        for (int i = 0; i < 18; i++) {
            out.add("Received: from other" + i + " (unknown [211.3.4." + (i + 1) + "])\n\tby mx.ours.example with ESMTP id O" + i
                    + "; Thu, 22 Aug 2024 12:00:00 +0000\nSubject: other " + i + "\n\nb\n");
        }
        return out;
    }
}
