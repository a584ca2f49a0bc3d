package dev.mamori.mail;

import jakarta.activation.DataHandler;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.ParseException;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds abuse reports in the Abuse Reporting Format (ARF, RFC 5965; applicability statement RFC 6650)
 * for spam that reached the honeypot's trap addresses, ready to be sent to the abuse contact of the
 * relay's network.
 *
 * <p>A report ({@link #build}) is one message of type {@code multipart/report;
 * report-type=feedback-report} (RFC 6522) with exactly three parts, in this order:
 * <ol>
 * <li>{@code text/plain; charset=UTF-8}: a short description for a person, in Japanese and in
 * English: a message from the relay's IP reached our trap addresses at a given time, this is an
 * automated abuse notification, and how to reach us;</li>
 * <li>{@code message/feedback-report}: the machine-readable fields. Always {@code Feedback-Type:
 * abuse}, {@code User-Agent: Mamori/<version>} and {@code Version: 1} (the three RFC 5965 requires),
 * then {@code Source-IP}, {@code Arrival-Date} (an RFC 5322 date), {@code Reporting-MTA: dns; <our
 * domain>}, {@code Reported-Domain} when known, {@code Incidents} when the report stands for
 * more than one identical message, {@code Original-Mail-From} only when the caller discloses it, and
 * one {@code Original-Rcpt-To} per trap address: the address itself when the caller allows it,
 * otherwise {@code redacted@<its domain>} (the convention some feedback loops use, cf. the
 * {@code Redacted-Address} field of the samples and RFC 6590);</li>
 * <li>the original: as {@code message/rfc822} (the whole message) or, when {@link Input#headersOnly}
 * is set, as {@code text/rfc822-headers} (its header section only, the body does not travel).</li>
 * </ol>
 *
 * <p><b>Secrecy of communications.</b> The trap addresses are ours and may be shown, but by default
 * ({@link Input#redactRecipients} true) they are replaced by {@code redacted@<domain>} everywhere in
 * the report: in the human part, in the feedback fields and in the copy of the original (wherever they
 * occur literally in its bytes; an address hidden in a base64 or quoted-printable body or in an encoded
 * word is not found). Publishing a trap address would also spoil the trap. The envelope sender of the
 * spam ({@code Original-Mail-From}) is written only when {@link Input#discloseMailFrom} is set.
 *
 * <p><b>Digests.</b> RFC 5965 describes one report per message, and an abuse desk's tools expect that.
 * {@link #digest} therefore does not invent a multi-message report: it bundles several complete ARF
 * reports, each as a {@code message/rfc822} part, in one {@code multipart/mixed} message headed by a
 * {@code text/plain} summary. Every bundled report is exactly what {@link #build} makes for its input.
 * A single report for several identical messages is instead one {@link #build} with
 * {@link Input#incidents} above one ({@code Incidents:} field).
 *
 * <p><b>Form.</b> Every line ends in CRLF, also inside the copy of the original (bare LF and bare CR
 * are converted). Nothing from the inputs reaches a header with a CR or LF in it: addresses, IPs and
 * domains containing one are refused, the subject and free text have them replaced by spaces. The
 * output is deterministic for a given input and clock: the Message-ID and MIME boundaries are derived
 * from a hash of the input, so a dry run and a real send of the same report are the same bytes.
 *
 * <p>No network: building never resolves a name or address.
 */
public final class ArfReport {

    private static final String CRLF = "\r\n";
    private static final DateTimeFormatter RFC5322 = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.US);
    private static final Pattern VERSION_TOKEN = Pattern.compile("[A-Za-z0-9._+\\-]+");
    private static final Pattern DOMAIN = Pattern.compile(
            "(?i)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\\.?");
    private static final Properties NO_PROPERTIES = new Properties();

    private final String version;
    private final ZoneId zone;
    private final Clock clock;

    /**
     * A report builder for Mamori {@code version} (written as {@code User-Agent: Mamori/<version>}),
     * with times written in {@code zone} and the report's own {@code Date:} taken from {@code clock}.
     */
    public ArfReport(String version, ZoneId zone, Clock clock) {
        String v = version == null || version.isBlank() ? "unknown" : version.strip();
        if (!VERSION_TOKEN.matcher(v).matches()) {
            throw new IllegalArgumentException("version is not a product token: " + printable(v));
        }
        this.version = v;
        this.zone = Objects.requireNonNull(zone, "zone");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Times in UTC, dated now. */
    public ArfReport(String version) {
        this(version, ZoneOffset.UTC, Clock.systemUTC());
    }

    /**
     * What one report is about. Use {@link #builder} rather than this constructor.
     *
     * @param from              our address, the report's {@code From:} (and where replies go)
     * @param to                the abuse contact, the report's {@code To:}
     * @param subject           the report's subject; null or blank for a default naming the IP
     * @param reportingDomain   our host or domain: {@code Reporting-MTA: dns; <it>} and the right side of
     *                          the Message-ID; null to take the domain of {@code from}
     * @param sourceIp          the relay's IP (IPv4 or IPv6, brackets and an {@code IPv6:} prefix allowed)
     * @param arrival           when the trap received the message
     * @param originalBytes     the message as the trap stored it (not copied: do not change it afterwards)
     * @param headersOnly       attach only the header section as {@code text/rfc822-headers}
     * @param redactRecipients  write trap addresses as {@code redacted@<domain>} (the default)
     * @param trapAddresses     the envelope recipients: our trap addresses that received the message
     * @param reportedDomain    a domain the report is about ({@code Reported-Domain}), or null
     * @param originalMailFrom  the spam's envelope sender, or null
     * @param discloseMailFrom  write {@code Original-Mail-From} (false by default: it is the sender's data)
     * @param incidents         how many identical messages this report stands for (1 by default)
     * @param contactInfo       how to reach us, for the human part (an address, URL or phone); null: {@code from}
     */
    public record Input(String from, String to, String subject, String reportingDomain, String sourceIp, Instant arrival,
            byte[] originalBytes, boolean headersOnly, boolean redactRecipients, List<String> trapAddresses,
            String reportedDomain, String originalMailFrom, boolean discloseMailFrom, int incidents, String contactInfo) {

        public Input {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(sourceIp, "sourceIp");
            Objects.requireNonNull(arrival, "arrival");
            Objects.requireNonNull(originalBytes, "originalBytes");
            trapAddresses = trapAddresses == null ? List.of() : List.copyOf(trapAddresses);
            if (incidents < 1) {
                throw new IllegalArgumentException("incidents must be at least 1: " + incidents);
            }
        }

        /** The required values; everything else has its default (whole message, recipients redacted). */
        public static Builder builder(String from, String to, String sourceIp, Instant arrival, byte[] originalBytes) {
            return new Builder(from, to, sourceIp, arrival, originalBytes);
        }
    }

    /** Builds an {@link Input}; defaults: whole original, recipients redacted, no mail-from, one incident. */
    public static final class Builder {
        private final String from;
        private final String to;
        private final String sourceIp;
        private final Instant arrival;
        private final byte[] original;
        private String subject;
        private String reportingDomain;
        private boolean headersOnly;
        private boolean redactRecipients = true;
        private List<String> trapAddresses = List.of();
        private String reportedDomain;
        private String originalMailFrom;
        private boolean discloseMailFrom;
        private int incidents = 1;
        private String contactInfo;

        private Builder(String from, String to, String sourceIp, Instant arrival, byte[] original) {
            this.from = from;
            this.to = to;
            this.sourceIp = sourceIp;
            this.arrival = arrival;
            this.original = original;
        }

        public Builder subject(String s) {
            this.subject = s;
            return this;
        }

        public Builder reportingDomain(String d) {
            this.reportingDomain = d;
            return this;
        }

        public Builder headersOnly(boolean b) {
            this.headersOnly = b;
            return this;
        }

        public Builder redactRecipients(boolean b) {
            this.redactRecipients = b;
            return this;
        }

        public Builder trapAddresses(List<String> a) {
            this.trapAddresses = a;
            return this;
        }

        public Builder reportedDomain(String d) {
            this.reportedDomain = d;
            return this;
        }

        /** The spam's envelope sender; written only if {@code disclose}. */
        public Builder originalMailFrom(String address, boolean disclose) {
            this.originalMailFrom = address;
            this.discloseMailFrom = disclose;
            return this;
        }

        public Builder incidents(int n) {
            this.incidents = n;
            return this;
        }

        public Builder contactInfo(String c) {
            this.contactInfo = c;
            return this;
        }

        public Input build() {
            return new Input(from, to, subject, reportingDomain, sourceIp, arrival, original, headersOnly, redactRecipients,
                    trapAddresses, reportedDomain, originalMailFrom, discloseMailFrom, incidents, contactInfo);
        }
    }

    /** The report for one message (see the class comment for its structure), as the bytes of an RFC 5322 message. */
    public byte[] build(Input in) {
        try {
            return write(message(in));
        } catch (MessagingException e) {
            throw new IllegalArgumentException("cannot build the report: " + e.getMessage(), e);
        }
    }

    /**
     * One message to one contact bundling a report per input: {@code multipart/mixed} with a
     * {@code text/plain} summary (Japanese and English) followed by one {@code message/rfc822} part per
     * input, each the complete ARF report {@link #build} makes for it. All inputs must share the same
     * {@code to} (one digest per contact); {@code from} and {@code reportingDomain} come from the first.
     */
    public byte[] digest(List<Input> inputs) {
        if (inputs == null || inputs.isEmpty()) {
            throw new IllegalArgumentException("a digest needs at least one report");
        }
        Input first = inputs.get(0);
        for (Input i : inputs) {
            if (!i.to().strip().equalsIgnoreCase(first.to().strip())) {
                throw new IllegalArgumentException("a digest goes to one contact, not both " + printable(first.to()) + " and "
                        + printable(i.to()));
            }
        }
        try {
            List<byte[]> reports = new ArrayList<>();
            MessageDigest sha = sha256();
            for (Input i : inputs) {
                byte[] r = build(i);
                reports.add(r);
                sha.update(r);
            }
            String hash = HexFormat.of().formatHex(sha.digest());
            String domain = ourDomain(first);
            MimeMessage msg = newMessage("<arf-digest." + hash.substring(0, 32) + "@" + domain + ">");
            msg.setFrom(address(first.from(), "from"));
            msg.setRecipient(Message.RecipientType.TO, address(first.to(), "to"));
            msg.setSubject("[Mamori] 迷惑メール送信の通知 " + inputs.size() + " 件 / Abuse reports: " + inputs.size()
                    + " messages from your network", "UTF-8");
            msg.setHeader("Date", date(clock.instant()));
            msg.setHeader("Auto-Submitted", "auto-generated");

            MimeMultipart mixed = new Boundaried("mixed", null, "=_mamori_digest_" + hash.substring(32, 56));
            MimeBodyPart summary = new MimeBodyPart();
            summary.setText(digestText(inputs), "UTF-8");
            mixed.addBodyPart(summary);
            for (byte[] r : reports) {
                MimeBodyPart p = new MimeBodyPart();
                p.setDataHandler(new DataHandler(new ByteArrayDataSource(r, "message/rfc822")));
                p.setHeader("Content-Type", "message/rfc822");
                p.setHeader("Content-Disposition", "inline");
                String cte = transferEncoding(r);
                if (!cte.equals("7bit")) {
                    p.setHeader("Content-Transfer-Encoding", cte);
                }
                mixed.addBodyPart(p);
            }
            msg.setContent(mixed);
            return write(msg);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("cannot build the digest: " + e.getMessage(), e);
        }
    }

    // ---- the report ----

    private MimeMessage message(Input in) throws MessagingException {
        String ip = ip(in.sourceIp());
        String domain = ourDomain(in);
        String reported = in.reportedDomain() == null || in.reportedDomain().isBlank() ? null
                : domain(in.reportedDomain(), "reportedDomain");
        List<String> traps = new ArrayList<>();
        for (String t : in.trapAddresses()) {
            traps.add(address(t, "trap address").getAddress());
        }
        String mailFrom = null;
        if (in.discloseMailFrom() && in.originalMailFrom() != null) {
            String m = in.originalMailFrom().strip();
            checkNoControl(m, "originalMailFrom");
            mailFrom = m.isEmpty() || m.equals("<>") ? "<>" : address(m, "originalMailFrom").getAddress();
        }
        byte[] original = crlf(in.originalBytes());
        if (in.redactRecipients()) {
            original = redact(original, traps);
        }
        if (in.headersOnly()) {
            original = headerSection(original);
        }
        List<String> shownTraps = shownRecipients(traps, in.redactRecipients());

        String hash = inputHash(in, ip);
        MimeMessage msg = newMessage("<arf." + hash.substring(0, 32) + "@" + domain + ">");
        msg.setFrom(address(in.from(), "from"));
        msg.setRecipient(Message.RecipientType.TO, address(in.to(), "to"));
        String subject = in.subject() == null || in.subject().isBlank()
                ? "[Mamori] 迷惑メール送信の通知 / Abuse report: spam from " + ip
                : oneLine(in.subject());
        msg.setSubject(subject, "UTF-8");
        msg.setHeader("Date", date(clock.instant()));
        msg.setHeader("Auto-Submitted", "auto-generated");

        MimeMultipart report = new Boundaried("report", "feedback-report", "=_mamori_arf_" + hash.substring(32, 56));

        MimeBodyPart human = new MimeBodyPart();
        human.setText(humanText(in, ip, shownTraps), "UTF-8");
        report.addBodyPart(human);

        byte[] fields = feedbackFields(in, ip, domain, reported, mailFrom, shownTraps).getBytes(StandardCharsets.US_ASCII);
        MimeBodyPart feedback = new MimeBodyPart();
        feedback.setDataHandler(new DataHandler(new ByteArrayDataSource(fields, "message/feedback-report")));
        feedback.setHeader("Content-Type", "message/feedback-report");
        feedback.setHeader("Content-Disposition", "inline");
        feedback.setHeader("Content-Transfer-Encoding", "7bit");
        report.addBodyPart(feedback);

        String type = in.headersOnly() ? "text/rfc822-headers" : "message/rfc822";
        MimeBodyPart orig = new MimeBodyPart();
        orig.setDataHandler(new DataHandler(new ByteArrayDataSource(original, type)));
        orig.setHeader("Content-Type", type);
        orig.setHeader("Content-Disposition", "inline");
        orig.setHeader("Content-Transfer-Encoding", transferEncoding(original));
        report.addBodyPart(orig);

        msg.setContent(report);
        return msg;
    }

    private String feedbackFields(Input in, String ip, String domain, String reported, String mailFrom, List<String> traps) {
        StringBuilder f = new StringBuilder();
        f.append("Feedback-Type: abuse").append(CRLF);
        f.append("User-Agent: Mamori/").append(version).append(CRLF);
        f.append("Version: 1").append(CRLF);
        if (mailFrom != null) {
            f.append("Original-Mail-From: ").append(mailFrom.equals("<>") ? "<>" : "<" + mailFrom + ">").append(CRLF);
        }
        f.append("Arrival-Date: ").append(date(in.arrival())).append(CRLF);
        f.append("Reporting-MTA: dns; ").append(domain).append(CRLF);
        f.append("Source-IP: ").append(ip).append(CRLF);
        if (in.incidents() > 1) {
            f.append("Incidents: ").append(in.incidents()).append(CRLF);
        }
        for (String t : traps) {
            f.append("Original-Rcpt-To: <").append(t).append('>').append(CRLF);
        }
        if (reported != null) {
            f.append("Reported-Domain: ").append(reported).append(CRLF);
        }
        return f.toString();
    }

    private String humanText(Input in, String ip, List<String> traps) {
        String when = date(in.arrival());
        String contact = in.contactInfo() == null || in.contactInfo().isBlank() ? in.from().strip() : in.contactInfo().strip();
        String what = in.headersOnly() ? "ヘッダ部分" : "全体";
        String whatEn = in.headersOnly() ? "the header section of the message" : "the complete message";
        StringBuilder t = new StringBuilder();
        t.append("このメールは Mamori が自動で送信している迷惑メールの通知です。").append('\n').append('\n');
        t.append(when).append(" に、IP アドレス ").append(ip).append(" から送られたメールが、当方の管理する")
                .append("トラップアドレス（受信専用で、通常の通信には使っていないアドレス）に届きました。").append('\n');
        t.append("貴組織のネットワークから送信されたと判断しましたので、送信元の調査と対処をお願いいたします。").append('\n');
        if (in.incidents() > 1) {
            t.append("同一内容のメールを ").append(in.incidents()).append(" 通受信しています。").append('\n');
        }
        if (!traps.isEmpty()) {
            t.append("受信アドレス: ").append(String.join(", ", traps)).append('\n');
        }
        if (in.redactRecipients()) {
            t.append("受信アドレスは伏せてあります。").append('\n');
        }
        t.append("機械処理用の報告（RFC 5965 形式）と、受信したメールの").append(what).append("を添付します。").append('\n');
        t.append("お問い合わせ先: ").append(contact).append('\n').append('\n');
        t.append("This is an automated abuse notification sent by Mamori.").append('\n').append('\n');
        t.append("A message from ").append(ip).append(" reached our spam-trap addresses (addresses that only receive ")
                .append("and are never used for correspondence) on ").append(when).append(".").append('\n');
        t.append("We believe it was sent from your network; please investigate and stop the sender.").append('\n');
        if (in.incidents() > 1) {
            t.append("We received ").append(in.incidents()).append(" identical messages.").append('\n');
        }
        if (!traps.isEmpty()) {
            t.append("Received by: ").append(String.join(", ", traps)).append('\n');
        }
        if (in.redactRecipients()) {
            t.append("The recipient addresses have been redacted.").append('\n');
        }
        t.append("A machine-readable report (RFC 5965) and ").append(whatEn).append(" are attached.").append('\n');
        t.append("Contact: ").append(contact).append('\n');
        return oneParagraphSafe(t.toString());
    }

    private String digestText(List<Input> inputs) {
        StringBuilder t = new StringBuilder();
        t.append("このメールは Mamori が自動で送信している迷惑メールの通知です。").append('\n');
        t.append("貴組織のネットワークから送信された迷惑メール ").append(inputs.size())
                .append(" 通が、当方のトラップアドレスに届きました。各通の報告（RFC 5965 形式）を添付します。").append('\n');
        t.append('\n');
        t.append("This is an automated abuse notification sent by Mamori. ").append(inputs.size())
                .append(" messages sent from your network reached our spam-trap addresses; one ARF report (RFC 5965) per")
                .append(" message is attached.").append('\n').append('\n');
        int n = 1;
        for (Input i : inputs) {
            t.append(n++).append(". ").append(ip(i.sourceIp())).append("  ").append(date(i.arrival()));
            if (i.incidents() > 1) {
                t.append("  (x").append(i.incidents()).append(')');
            }
            t.append('\n');
        }
        String contact = inputs.get(0).contactInfo() == null || inputs.get(0).contactInfo().isBlank()
                ? inputs.get(0).from().strip() : inputs.get(0).contactInfo().strip();
        t.append('\n').append("お問い合わせ先 / Contact: ").append(contact).append('\n');
        return oneParagraphSafe(t.toString());
    }

    // ---- parsing (tolerant; for tests and for reading feedback-loop mail) ----

    /**
     * What a feedback report says, as far as it can be read: {@code arf} is true when the message is a
     * {@code multipart/report} with {@code report-type=feedback-report} and has a
     * {@code message/feedback-report} part. Field values are null when absent; {@code arrivalDate}
     * falls back to the historic {@code Received-Date}. {@code partTypes} are the base types of the
     * top-level parts in order (lower case).
     */
    public record Parsed(boolean arf, String reportType, List<String> partTypes, String feedbackType, String userAgent,
            String version, String sourceIp, String arrivalDate, String reportedDomain, List<String> originalRcptTo,
            String originalMailFrom, String incidents) {
    }

    /** Reads a report made here or by anyone else (LF, CRLF or CR line ends; misspelt types tolerated). */
    public static Parsed parse(byte[] message) {
        try {
            MimeMessage m = new MimeMessage(Session.getInstance(NO_PROPERTIES), new ByteArrayInputStream(crlf(message)));
            ContentType outer = contentType(m);
            String reportType = outer == null ? null : outer.getParameter("report-type");
            List<String> types = new ArrayList<>();
            InternetHeaders fields = null;
            if (outer != null && outer.getPrimaryType().equalsIgnoreCase("multipart")) {
                Object content = m.getContent();
                if (content instanceof Multipart mp) {
                    for (int i = 0; i < mp.getCount(); i++) {
                        BodyPart p = mp.getBodyPart(i);
                        ContentType ct = contentType(p);
                        String base = ct == null ? "text/plain" : ct.getBaseType().toLowerCase(Locale.ROOT);
                        types.add(base);
                        if (fields == null && base.equals("message/feedback-report")) {
                            try (InputStream s = p.getInputStream()) {
                                fields = new InternetHeaders(s);
                            }
                        }
                    }
                }
            }
            boolean arf = outer != null && outer.match("multipart/report") && reportType != null
                    && reportType.strip().equalsIgnoreCase("feedback-report") && fields != null;
            if (fields == null) {
                return new Parsed(false, reportType, List.copyOf(types), null, null, null, null, null, null, List.of(), null, null);
            }
            String arrival = field(fields, "Arrival-Date");
            if (arrival == null) {
                arrival = field(fields, "Received-Date");
            }
            String[] rcpt = fields.getHeader("Original-Rcpt-To");
            List<String> rcpts = new ArrayList<>();
            if (rcpt != null) {
                for (String r : rcpt) {
                    rcpts.add(r.strip());
                }
            }
            return new Parsed(arf, reportType, List.copyOf(types), field(fields, "Feedback-Type"), field(fields, "User-Agent"),
                    field(fields, "Version"), field(fields, "Source-IP"), arrival, field(fields, "Reported-Domain"),
                    List.copyOf(rcpts), field(fields, "Original-Mail-From"), field(fields, "Incidents"));
        } catch (MessagingException e) {
            return new Parsed(false, null, List.of(), null, null, null, null, null, null, List.of(), null, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ContentType contentType(Part p) throws MessagingException {
        String[] h = p.getHeader("Content-Type");
        if (h == null || h.length == 0) {
            return new ContentType("text", "plain", null);
        }
        try {
            return new ContentType(h[0]);
        } catch (ParseException e) {
            return null;
        }
    }

    private static String field(InternetHeaders h, String name) {
        String v = h.getHeader(name, null);
        return v == null ? null : v.replaceAll("\\s*\\r?\\n\\s*", " ").strip();
    }

    // ---- helpers ----

    /** A multipart whose content type (subtype, report-type, boundary) is fixed by us. */
    private static final class Boundaried extends MimeMultipart {
        Boundaried(String subtype, String reportType, String boundary) {
            super(subtype);
            ContentType ct = new ContentType("multipart", subtype, null);
            if (reportType != null) {
                ct.setParameter("report-type", reportType);
            }
            ct.setParameter("boundary", boundary);
            contentType = ct.toString();
        }
    }

    private static MimeMessage newMessage(String messageId) {
        return new MimeMessage(Session.getInstance(NO_PROPERTIES)) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
    }

    private static byte[] write(MimeMessage msg) throws MessagingException {
        msg.saveChanges();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            msg.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private String date(Instant t) {
        return RFC5322.format(t.atZone(zone));
    }

    private static String ourDomain(Input in) {
        if (in.reportingDomain() != null && !in.reportingDomain().isBlank()) {
            return domain(in.reportingDomain(), "reportingDomain");
        }
        String a = address(in.from(), "from").getAddress();
        return domain(a.substring(a.lastIndexOf('@') + 1), "domain of from");
    }

    private static String domain(String d, String what) {
        checkNoControl(d, what);
        String s = d.strip();
        try {
            s = IDN.toASCII(s, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not a domain name: " + printable(d), e);
        }
        if (s.length() > 253 || !DOMAIN.matcher(s).matches()) {
            throw new IllegalArgumentException(what + " is not a domain name: " + printable(d));
        }
        return s.toLowerCase(Locale.ROOT);
    }

    private static InternetAddress address(String a, String what) {
        checkNoControl(a, what);
        try {
            InternetAddress ia = new InternetAddress(a.strip(), true);
            String addr = ia.getAddress();
            if (addr == null || addr.indexOf('@') <= 0 || addr.endsWith("@")) {
                throw new IllegalArgumentException(what + " is not an e-mail address: " + printable(a));
            }
            return ia;
        } catch (AddressException e) {
            throw new IllegalArgumentException(what + " is not an e-mail address: " + printable(a), e);
        }
    }

    private static String ip(String raw) {
        checkNoControl(raw, "sourceIp");
        String s = raw.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        if (s.regionMatches(true, 0, "IPv6:", 0, 5)) {
            s = s.substring(5);
        }
        if (IpAddress.parse(s) == null) {
            throw new IllegalArgumentException("sourceIp is not an IP address: " + printable(raw));
        }
        return s.toLowerCase(Locale.ROOT);
    }

    private static void checkNoControl(String s, String what) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                throw new IllegalArgumentException(what + " contains a line break or NUL: " + printable(s));
            }
        }
    }

    /** Line breaks and other controls (but tabs) become spaces: for the subject. */
    private static String oneLine(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c < 0x20 && c != '\t' || c == 0x7f ? ' ' : c);
        }
        return b.toString().strip();
    }

    /** Free text from inputs never carries control characters other than our own line breaks. */
    private static String oneParagraphSafe(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c < 0x20 && c != '\n' && c != '\t' || c == 0x7f || c == '\r' ? ' ' : c);
        }
        return b.toString();
    }

    private static String printable(String s) {
        String p = s.replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0");
        return p.length() > 120 ? p.substring(0, 120) + "…" : p;
    }

    private static List<String> shownRecipients(List<String> traps, boolean redact) {
        Set<String> out = new LinkedHashSet<>();
        for (String t : traps) {
            out.add(redact ? redacted(t) : t);
        }
        return List.copyOf(out);
    }

    private static String redacted(String address) {
        return "redacted@" + address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }

    /** Every literal occurrence of a trap address (ASCII case-insensitive) replaced by redacted@domain. */
    private static byte[] redact(byte[] bytes, List<String> traps) {
        if (traps.isEmpty()) {
            return bytes;
        }
        String s = new String(bytes, StandardCharsets.ISO_8859_1);
        List<String> sorted = new ArrayList<>(new LinkedHashSet<>(traps));
        sorted.sort((a, b) -> b.length() - a.length());
        for (String t : sorted) {
            Matcher m = Pattern.compile(Pattern.quote(t), Pattern.CASE_INSENSITIVE).matcher(s);
            s = m.replaceAll(Matcher.quoteReplacement(redacted(t)));
        }
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Bare LF and bare CR become CRLF. */
    static byte[] crlf(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + in.length / 40 + 2);
        for (int i = 0; i < in.length; i++) {
            byte b = in[i];
            if (b == '\r') {
                out.write('\r');
                out.write('\n');
                if (i + 1 < in.length && in[i + 1] == '\n') {
                    i++;
                }
            } else if (b == '\n') {
                out.write('\r');
                out.write('\n');
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    /** The header section of a CRLF message, up to and including the CRLF that ends its last header line. */
    private static byte[] headerSection(byte[] m) {
        if (m.length >= 2 && m[0] == '\r' && m[1] == '\n') {
            return new byte[0];
        }
        for (int i = 0; i + 3 < m.length; i++) {
            if (m[i] == '\r' && m[i + 1] == '\n' && m[i + 2] == '\r' && m[i + 3] == '\n') {
                byte[] h = new byte[i + 2];
                System.arraycopy(m, 0, h, 0, i + 2);
                return h;
            }
        }
        if (m.length > 0 && (m.length < 2 || m[m.length - 2] != '\r' || m[m.length - 1] != '\n')) {
            byte[] h = new byte[m.length + 2];
            System.arraycopy(m, 0, h, 0, m.length);
            h[m.length] = '\r';
            h[m.length + 1] = '\n';
            return h;
        }
        return m;
    }

    /**
     * The transfer encoding to declare for content written as is: 7bit for short-lined ASCII, 8bit when
     * there are bytes above 127, binary when there is a NUL or a line longer than 998 octets (RFC 5322
     * §2.1.1). Message and header parts cannot be base64-encoded (RFC 2046 §5.2.1), so the content is
     * never re-encoded.
     */
    static String transferEncoding(byte[] crlfBytes) {
        boolean eight = false;
        int line = 0;
        for (byte b : crlfBytes) {
            if (b == 0) {
                return "binary";
            }
            if (b == '\n') {
                line = 0;
                continue;
            }
            if (b != '\r' && ++line > 998) {
                return "binary";
            }
            if (b < 0) {
                eight = true;
            }
        }
        return eight ? "8bit" : "7bit";
    }

    private static String inputHash(Input in, String ip) {
        MessageDigest sha = sha256();
        sha.update(in.originalBytes());
        sha.update((Character.toString(0) + in.to().strip().toLowerCase(Locale.ROOT) + '\0' + ip + '\0' + in.arrival() + '\0'
                + in.headersOnly() + '\0' + in.redactRecipients() + '\0' + in.incidents()).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
