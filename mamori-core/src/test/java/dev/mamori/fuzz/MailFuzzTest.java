package dev.mamori.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mamori.mail.Headers;
import dev.mamori.mail.MailMessage;
import dev.mamori.mail.MailReader;
import dev.mamori.mail.RelayTracer;
import dev.mamori.mail.Trace;
import dev.mamori.mail.TrustConfig;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Whatever bytes arrive as mail (the trap takes anything), reading, header parsing and tracing never
 * throw: a message is traced or has a reason, and a relay's IP is always a normalised literal.
 * Fuzzed briefly in the default build (fuzz-mail).
 */
class MailFuzzTest {

    private static final RelayTracer TRACER = new RelayTracer(TrustConfig.of(List.of("192.0.2.0/24", ".example.jp")));

    @FuzzTest(maxDuration = "15s")
    void mailNeverBreaksTheRun(FuzzedDataProvider data) {
        byte[] bytes = data.consumeRemainingAsBytes();
        List<MailMessage> got = new ArrayList<>();
        new MailReader(1 << 16, p -> assertThat(p.source()).isEqualTo("(stdin)"))
                .read(List.of("-"), new ByteArrayInputStream(bytes), got::add);
        for (MailMessage m : got) {
            Trace t = TRACER.trace(Headers.parse(m.raw()));
            if (t.found()) {
                assertThat(dev.mamori.mail.IpAddress.parse(t.relay().ip())).as(t.relay().ip()).isNotNull();
            } else {
                assertThat(t.reason()).isNotBlank();
            }
        }
    }
}
