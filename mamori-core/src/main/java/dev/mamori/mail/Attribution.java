package dev.mamori.mail;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Who an IP address belongs to, as far as the local registry data says: the regional internet
 * registry that allocated it, a country, and optionally the autonomous system announcing it.
 *
 * @param ip       the address as it was looked up (not normalised); null when describing an ASN
 * @param registry the allocating registry: {@code AFRINIC}, {@code APNIC}, {@code ARIN},
 *                 {@code LACNIC} or {@code RIPE NCC}; null when the RIR files have no answer
 * @param country  ISO 3166 alpha-2 code as the data writes it, including the registry pseudo-codes
 *                 {@code EU} (RIPE NCC) and {@code AP} (APNIC) kept as given; null when unknown
 * @param source   where {@code country} came from: {@code "rir"} (delegated statistics),
 *                 {@code "geoip"} (a MaxMind Country database), or null when unattributed
 * @param asn      the autonomous system number from an ASN database, or null
 * @param asOrg    the autonomous system's organisation from an ASN database, or null
 * @param status   the RIR record's status ({@code allocated}, {@code assigned}), or null
 * @param date     the RIR record's date as written ({@code YYYYMMDD}), or null when the record
 *                 has none ({@code 00000000} or empty)
 */
public record Attribution(String ip, String registry, String country, String source, Long asn, String asOrg,
        String status, String date) {

    /** The {@link #countryKey()} of an address nobody could attribute. */
    public static final String UNATTRIBUTED = "unattributed";

    public static final String AFRINIC = "AFRINIC";
    public static final String APNIC = "APNIC";
    public static final String ARIN = "ARIN";
    public static final String LACNIC = "LACNIC";
    public static final String RIPE_NCC = "RIPE NCC";

    /** An address neither the RIR files nor a GeoIP database could place. */
    public static Attribution unattributed(String ip) {
        return new Attribution(ip, null, null, null, null, null, null, null);
    }

    /** True when a registry or a country is known ({@link #source()} is not null). */
    public boolean attributed() {
        return source != null;
    }

    /**
     * The key a per-country table counts this address under: the ISO code; for the registry
     * pseudo-codes the registry's name ({@code EU} → {@code "RIPE NCC"}, {@code AP} →
     * {@code "APNIC"}), since those blocks were allocated to a registry-wide holder rather than to a
     * country; the registry's name when a registry but no country is known; otherwise
     * {@value #UNATTRIBUTED}.
     */
    public String countryKey() {
        if (country != null) {
            return switch (country) {
                case "EU" -> RIPE_NCC;
                case "AP" -> APNIC;
                default -> country;
            };
        }
        return registry != null ? registry : UNATTRIBUTED;
    }

    /** The display name of {@link #countryKey()} in {@code lang}; see {@link #labelOf(String, String)}. */
    public String label(String lang) {
        return labelOf(countryKey(), lang);
    }

    /**
     * The display name of a {@link #countryKey() country key}: for {@code lang} "ja" the Japanese
     * country name Java's locale data gives ({@code JP} → 日本, {@code CN} → 中国, {@code KR} → 韓国,
     * {@code TW} → 台湾, {@code US} → アメリカ合衆国), for "en" (and anything else) the English one
     * ({@code KR} → South Korea). Hong Kong and Macao get their short names (香港, マカオ; Hong Kong,
     * Macao) rather than the long "…特別行政区" / "… SAR China" forms the JDK's CLDR data has. A
     * registry key stays the registry's name; {@value #UNATTRIBUTED} becomes 帰属不明 in Japanese.
     * A code Java has no name for is returned as it is.
     */
    public static String labelOf(String countryKey, String lang) {
        boolean ja = lang != null && (lang.equalsIgnoreCase("ja") || lang.toLowerCase(Locale.ROOT).startsWith("ja-"));
        if (countryKey == null || countryKey.equals(UNATTRIBUTED)) {
            return ja ? "帰属不明" : UNATTRIBUTED;
        }
        if (countryKey.length() != 2) {
            return countryKey; // a registry name
        }
        String cc = countryKey.toUpperCase(Locale.ROOT);
        switch (cc) {
            case "EU":
                return RIPE_NCC;
            case "AP":
                return APNIC;
            case "HK":
                return ja ? "香港" : "Hong Kong";
            case "MO":
                return ja ? "マカオ" : "Macao";
            default:
                break;
        }
        Locale in = ja ? Locale.JAPANESE : lang == null || lang.isBlank() ? Locale.ENGLISH : Locale.forLanguageTag(lang);
        String name = new Locale("", cc).getDisplayCountry(in);
        return name == null || name.isBlank() ? cc : name;
    }

    /** The registries' names, as {@link #registry()} writes them. */
    public static final List<String> REGISTRIES = List.of(AFRINIC, APNIC, ARIN, LACNIC, RIPE_NCC);

    /**
     * The {@link #countryKey() country key} a person means by {@code text}: an ISO 3166 code ({@code CN},
     * {@code cn}), a name as the table shows it in Japanese or English ({@code 中国}, {@code China},
     * {@code Hong Kong}), a registry ({@code RIPE NCC}, {@code ripencc}, {@code APNIC}), or
     * {@value #UNATTRIBUTED} / 帰属不明. With {@code domestic} also 国内 / "Japan (domestic)" for JP.
     * Letters are compared without regard to case or width (ＣＮ is CN). Empty when nothing matches.
     */
    public static Optional<String> keyOf(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = fold(text);
        if (t.equals(fold(UNATTRIBUTED)) || t.equals(fold("帰属不明"))) {
            return Optional.of(UNATTRIBUTED);
        }
        if (t.equals(fold("国内")) || t.equals(fold("domestic")) || t.equals(fold("Japan (domestic)"))) {
            return Optional.of("JP");
        }
        for (String r : REGISTRIES) {
            if (t.equals(fold(r)) || t.replace(" ", "").equals(fold(r).replace(" ", "")) || (r.equals(RIPE_NCC) && t.equals("ripe"))) {
                return Optional.of(r);
            }
        }
        if (t.length() == 2) {
            String cc = t.toUpperCase(Locale.ROOT);
            if (cc.equals("EU")) {
                return Optional.of(RIPE_NCC);
            }
            if (cc.equals("AP")) {
                return Optional.of(APNIC);
            }
            if (List.of(Locale.getISOCountries()).contains(cc)) {
                return Optional.of(cc);
            }
        }
        for (String cc : Locale.getISOCountries()) {
            if (t.equals(fold(labelOf(cc, "ja"))) || t.equals(fold(labelOf(cc, "en")))) {
                return Optional.of(cc);
            }
        }
        return Optional.empty();
    }

    private static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
