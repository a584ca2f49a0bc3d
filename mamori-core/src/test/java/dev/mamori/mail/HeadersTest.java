package dev.mamori.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HeadersTest {

    static Headers parse(String s) {
        return Headers.parse(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void foldedFieldsAreJoinedWithTabsOrSpaces() {
        Headers h = parse("From x  Thu Aug 22 18:28:49 2002\nReceived: from a (a [192.0.2.1])\n\tby b with ESMTP;\n    Thu, 22 Aug 2002\n"
                + "received: second\nSubject:  hi \n\nbody: not a header\n");
        assertThat(h.all("Received")).containsExactly("from a (a [192.0.2.1]) by b with ESMTP; Thu, 22 Aug 2002", "second");
        assertThat(h.first("SUBJECT")).isEqualTo("hi");
        assertThat(h.first("body")).isNull();
        assertThat(h.bodyOffset()).isPositive();
    }

    @Test
    void strayCrsCrlfAnd8BitBytesSurvive() {
        Headers h = Headers.parse("Subject: a\rb\r\nX-8bit: \u00e9\u00ff\r\nno colon here\r\nTo: t@example\r\n\r\nbody".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(h.first("Subject")).isEqualTo("ab");
        assertThat(h.first("X-8bit")).isEqualTo("\u00e9\u00ff");
        assertThat(h.first("To")).isEqualTo("t@example");
        assertThat(h.fields()).hasSize(3);
    }

    @Test
    void aCutHeaderBlockHasNoBody() {
        assertThat(parse("Received: from a\nSubject: cut").bodyOffset()).isEqualTo(-1);
    }
}
