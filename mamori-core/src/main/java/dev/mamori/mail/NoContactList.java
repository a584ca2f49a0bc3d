package dev.mamori.mail;

import dev.mamori.report.CsvCells;
import dev.mamori.report.Message;
import java.util.ArrayList;
import java.util.List;

/**
 * The messages {@code spam report} could not notify anyone about because no abuse contact is known for
 * their relay: which message, the relay, and what is known of its network (rDNS, registry, country, AS),
 * so the user can look the network up and add its contact ({@link #HOW_TO_ADD}).
 */
public final class NoContactList {

    /**
     * One message without a contact.
     *
     * @param file      the file it was read from (with {@code #n} for the n-th message of an mbox)
     * @param messageId its Message-ID as written, or empty
     * @param relayIp   the nearest external relay
     * @param rdns      the relay's reverse DNS name as our relay recorded it, or empty
     * @param registry  the registry that allocated the address, or empty
     * @param country   the country key ({@link Attribution#countryKey()})
     * @param asn       the AS number ({@code AS4837}) or empty
     * @param asOrg     the AS organisation, or empty
     */
    public record Entry(String file, String messageId, String relayIp, String rdns, String registry, String country, String asn,
            String asOrg) {
    }

    /** How to add contacts, in both languages. */
    public static final Message HOW_TO_ADD = new Message(
            "連絡先を追加するには: CSV（UTF-8、見出し network,contact,name。network は CIDR・AS 番号・rDNS のドメインの末尾、"
                    + "例: 203.0.113.0/24,abuse@example.net,Example ISP）を --contacts FILE で渡すか、"
                    + "RIR の RDAP サーバーの応答（例: https://rdap.apnic.net/ip/203.0.113.5 を保存した JSON）を入れたフォルダーを --rdap DIR で渡します。",
            "To add contacts: give a CSV (UTF-8, header network,contact,name; network is a CIDR block, an AS number or an "
                    + "rDNS domain suffix, e.g. 203.0.113.0/24,abuse@example.net,Example ISP) with --contacts FILE, or a folder of "
                    + "RDAP answers saved from the RIRs' RDAP servers (e.g. https://rdap.apnic.net/ip/203.0.113.5 saved as JSON) with --rdap DIR.");

    private final List<Entry> entries = new ArrayList<>();

    /** Adds the message {@code r} (traced). */
    public void add(MessageReport r) {
        Hop.Relay relay = r.trace().relay();
        Attribution a = r.attribution();
        String file = r.file() + (r.index() > 1 ? "#" + r.index() : "");
        entries.add(new Entry(file, nz(r.messageId()), relay.ip(), nz(relay.rdns()), a == null ? "" : nz(a.registry()),
                a == null ? Attribution.UNATTRIBUTED : a.countryKey(), a == null || a.asn() == null ? "" : "AS" + a.asn(),
                a == null ? "" : nz(a.asOrg())));
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    public int size() {
        return entries.size();
    }

    /** The list as CSV (UTF-8, CRLF; every cell inert in a spreadsheet), a header row first. */
    public String csv() {
        StringBuilder b = new StringBuilder(CsvCells.line(List.of("file", "message_id", "relay_ip", "relay_rdns", "registry", "country",
                "asn", "as_org")));
        for (Entry e : entries) {
            b.append(CsvCells.line(List.of(e.file(), e.messageId(), e.relayIp(), e.rdns(), e.registry(), e.country(), e.asn(), e.asOrg())));
        }
        return b.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
