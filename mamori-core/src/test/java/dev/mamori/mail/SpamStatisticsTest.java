package dev.mamori.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The seed's table: countries × years, the top N and その他, unattributed apart, a total. */
class SpamStatisticsTest {

    @Test
    void countriesByYearWithOtherAndTotal() {
        SpamStatistics s = new SpamStatistics(SpamStatistics.Period.YEAR);
        add(s, "JP", 2006, 5);
        add(s, "CN", 2006, 3);
        add(s, "JP", 2007, 4);
        add(s, "CN", 2007, 6);
        add(s, "RIPE NCC", 2007, 2);
        add(s, "US", 2007, 1);
        add(s, "KR", 2006, 1);
        add(s, "unattributed", 2007, 2);
        s.add(null, null, null, null, null, YearMonth.of(2007, 1)); // not traced
        Map<String, String> names = Map.of("JP", "国内", "CN", "中国", "RIPE NCC", "RIPE NCC", "unattributed", "帰属不明");
        SpamStatistics.Table t = s.table(3, k -> names.getOrDefault(k, k), "その他", "unattributed");
        assertThat(t.periods()).containsExactly("2006", "2007");
        assertThat(t.rows()).extracting(SpamStatistics.Row::label).containsExactly("中国", "国内", "RIPE NCC", "その他", "帰属不明");
        assertThat(t.rows().get(0).counts()).containsExactly(3L, 6L);
        assertThat(t.rows().get(3).counts()).containsExactly(1L, 1L); // KR 2006 + US 2007
        assertThat(t.total().counts()).containsExactly(9L, 15L);
        assertThat(t.total().total()).isEqualTo(24);
        assertThat(s.messages()).isEqualTo(25);
        assertThat(s.traced()).isEqualTo(24);
    }

    @Test
    void monthsAndUnknownDatesAndRankings() {
        SpamStatistics s = new SpamStatistics(SpamStatistics.Period.MONTH);
        s.add("CN", 4837L, "CNCGROUP China169 Backbone", "27.192.0.1", "中国", YearMonth.of(2007, 3));
        s.add("CN", 4837L, null, "27.192.0.1", "中国", YearMonth.of(2007, 4));
        s.add("GB", 1221L, "Telstra", "1.128.0.1", "英国", null);
        SpamStatistics.Table t = s.table(10, k -> k, "other", "unattributed");
        assertThat(t.periods()).containsExactly("2007-03", "2007-04", "?");
        assertThat(s.topAsns(5)).first().satisfies(r -> {
            assertThat(r.key()).isEqualTo("AS4837");
            assertThat(r.label()).isEqualTo("CNCGROUP China169 Backbone");
            assertThat(r.count()).isEqualTo(2);
        });
        assertThat(s.topRelays(1)).extracting(SpamStatistics.Ranked::key).containsExactly("27.192.0.1");
    }

    /** The CSV table: a label from outside (a country code a GeoIP database wrote) cannot become a formula; counts stay numbers. */
    @Test
    void csvTableCellsAreInertInASpreadsheet() {
        SpamStatistics s = new SpamStatistics(SpamStatistics.Period.YEAR);
        add(s, "CN", 2007, 3);
        add(s, "=1+1", 2007, 2);
        SpamStatistics.Table t = s.table(10, k -> k.equals("CN") ? "中国, 本土" : "@SUM(A1:A9)", "その他", "unattributed");
        RegistryData all = new RegistryData(java.util.Map.of("AFRINIC", "2019-09-06", "APNIC", "2019-09-09", "ARIN", "2019-09-08",
                "LACNIC", "2019-09-08", "RIPE NCC", "2019-09-08"), List.of());
        assertThat(SpamReport.csv(t, false, "ja", all)).isEqualTo("国・地域,2007,合計\r\n\"中国, 本土\",3,3\r\n'@SUM(A1:A9),2,2\r\n合計,5,5\r\n"
                + "登録データの時点,2019-09-06..2019-09-09\r\n");
    }

    /** Rows follow the total over every period, not the latest year: a country big in 2006 and quiet in 2007 still leads. */
    @Test
    void rowsAreOrderedByTotalNotByTheLatestPeriod() {
        SpamStatistics s = new SpamStatistics(SpamStatistics.Period.YEAR);
        add(s, "JP", 2006, 10);
        add(s, "JP", 2007, 1);
        add(s, "CN", 2007, 3);
        add(s, "KR", 2006, 2);
        add(s, "KR", 2007, 2);
        SpamStatistics.Table t = s.table(10, k -> k, "other", "unattributed");
        assertThat(t.rows()).extracting(SpamStatistics.Row::key).containsExactly("JP", "KR", "CN");
    }

    /** A missing RIR is named in the CSV, with the command that adds it. */
    @Test
    void csvNamesMissingRegistries() {
        SpamStatistics s = new SpamStatistics(SpamStatistics.Period.YEAR);
        add(s, "CN", 2007, 1);
        SpamStatistics.Table t = s.table(10, k -> k, "other", "unattributed");
        RegistryData fourOfFive = new RegistryData(java.util.Map.of("APNIC", "2019-09-09"), List.of("ARIN"));
        assertThat(SpamReport.csv(t, false, "en", fourOfFive)).contains("registry data as of,2019-09-09\r\n")
                .contains("warning,\"the registry data has no file of ARIN").contains("mamori spam registry update --download");
    }

    private static void add(SpamStatistics s, String key, int year, int n) {
        for (int i = 0; i < n; i++) {
            s.add(key, null, null, "192.0.2." + i, null, YearMonth.of(year, 1 + i % 12));
        }
    }
}
