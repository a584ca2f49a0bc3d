package dev.mamori.mail;

import dev.mamori.report.Message;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What registry data a run attributes with, as every report states it: each RIR's file and the date its
 * data is as of (the header's end date, else its serial when that is a date or a Unix time), and which
 * of the five RIRs are missing — an address a missing RIR allocated stays unattributed, so a report
 * says so rather than counting those messages as 帰属不明 without a hint.
 *
 * @param dates   registry name ({@link Attribution#REGISTRIES}, or {@code NRO} for the combined file) to
 *                the date of its data, {@code yyyy-MM-dd} (null when the file has none); in registry order
 * @param missing the RIRs no file covers, in {@link Attribution#REGISTRIES} order
 */
public record RegistryData(Map<String, String> dates, List<String> missing) {

    /** The commands that fill the store, named in every warning. */
    public static final String UPDATE_COMMANDS = "mamori spam registry update --download";
    private static final String FROM_COMMAND = "mamori spam registry update --from DIR";

    public RegistryData {
        dates = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(dates));
        missing = List.copyOf(missing);
    }

    /** The data {@code registry} was loaded from. */
    public static RegistryData of(IpRegistry registry) {
        Map<String, String> dates = new LinkedHashMap<>();
        List<IpRegistry.Source> sources = new ArrayList<>(registry.sources());
        sources.sort(Comparator.comparingInt(s -> order(registryName(s.registry()))));
        for (IpRegistry.Source s : sources) {
            String name = registryName(s.registry());
            String date = dateOf(s);
            dates.merge(name, date == null ? "" : date, (a, b) -> a.compareTo(b) >= 0 ? a : b);
        }
        dates.replaceAll((k, v) -> v.isEmpty() ? null : v);
        List<String> missing = new ArrayList<>();
        if (!dates.containsKey("NRO")) {
            Attribution.REGISTRIES.stream().filter(r -> !dates.containsKey(r)).forEach(missing::add);
        }
        return new RegistryData(dates, missing);
    }

    /** True when no RIR file was read at all. */
    public boolean none() {
        return dates.isEmpty();
    }

    /**
     * The date the data is as of: {@code 2019-09-08}, or {@code 2019-09-06..2019-09-09} when the files differ;
     * null when no file has a date.
     */
    public String asOf() {
        List<String> d = dates.values().stream().filter(v -> v != null).sorted().toList();
        if (d.isEmpty()) {
            return null;
        }
        return d.get(0).equals(d.get(d.size() - 1)) ? d.get(0) : d.get(0) + ".." + d.get(d.size() - 1);
    }

    /** One line for a report: {@code 登録データの時点: 2019-09-08（APNIC 2019-09-09、…）}. */
    public Message asOfText() {
        if (none()) {
            return new Message("登録データ: なし", "Registry data: none");
        }
        String each = String.join(", ", dates.entrySet().stream()
                .map(e -> e.getKey() + " " + (e.getValue() == null ? "?" : e.getValue())).toList());
        String when = asOf() == null ? "?" : asOf();
        return new Message("登録データの時点: " + when + "（" + each.replace(", ", "、") + "）",
                "Registry data as of " + when + " (" + each + ")");
    }

    /**
     * The warning a run prints and its reports carry when no RIR file was read or one of the five is
     * missing, naming the fix; null when all five are there.
     */
    public Message warning() {
        if (none()) {
            return new Message("登録データ（RIR の delegated ファイル）がありません。送信元はすべて帰属不明になります。"
                    + "入手するには: " + UPDATE_COMMANDS + "（各 RIR の FTP サイトから取得済みのファイルなら " + FROM_COMMAND + "）",
                    "no registry data (the RIRs' delegated files) is installed, so every relay stays unattributed. "
                    + "Get it with: " + UPDATE_COMMANDS + " (or, with files from the RIRs' FTP sites: " + FROM_COMMAND + ")");
        }
        if (missing.isEmpty()) {
            return null;
        }
        String names = String.join(", ", missing);
        return new Message("登録データに " + names.replace(", ", "、") + " のファイルがありません。その RIR が割り振ったアドレスは帰属不明になります。"
                + "追加するには: " + UPDATE_COMMANDS + "（取得済みのファイルなら " + FROM_COMMAND + "）",
                "the registry data has no file of " + names + ", so addresses allocated by "
                        + (missing.size() == 1 ? "it" : "them") + " stay unattributed. Add "
                        + (missing.size() == 1 ? "it" : "them") + " with: " + UPDATE_COMMANDS + " (or, with files you downloaded: "
                        + FROM_COMMAND + ")");
    }

    /** The registry a delegated file's header names, as {@link Attribution#registry()} writes it. */
    static String registryName(String header) {
        return switch (header.toLowerCase(Locale.ROOT)) {
            case "afrinic" -> Attribution.AFRINIC;
            case "apnic" -> Attribution.APNIC;
            case "arin" -> Attribution.ARIN;
            case "lacnic" -> Attribution.LACNIC;
            case "ripencc", "ripe" -> Attribution.RIPE_NCC;
            default -> header.toUpperCase(Locale.ROOT);
        };
    }

    private static int order(String registry) {
        int i = Attribution.REGISTRIES.indexOf(registry);
        return i < 0 ? 99 : i;
    }

    /** The end date of the header, else the serial when it is a date (YYYYMMDD) or a Unix time (s or ms). */
    private static String dateOf(IpRegistry.Source s) {
        String end = s.endDate();
        if (end != null && end.matches("(19|20)\\d{6}")) {
            return end.substring(0, 4) + "-" + end.substring(4, 6) + "-" + end.substring(6);
        }
        String serial = s.serial();
        if (serial != null && serial.matches("(19|20)\\d{6}")) {
            return serial.substring(0, 4) + "-" + serial.substring(4, 6) + "-" + serial.substring(6);
        }
        if (serial != null && serial.matches("\\d{10}|\\d{13}")) {
            long seconds = serial.length() == 13 ? Long.parseLong(serial) / 1000 : Long.parseLong(serial);
            return LocalDate.ofInstant(Instant.ofEpochSecond(seconds), ZoneOffset.UTC).toString();
        }
        return null;
    }
}
