package dev.mamori.deid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.risk.Dataset;
import dev.mamori.risk.LatticeSearch;
import dev.mamori.risk.PrivacyModel;
import dev.mamori.risk.SearchResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The built-in hierarchies drive {@link LatticeSearch} to a 2-anonymous table. */
class HierSearchTest {

    private static final List<String[]> ROWS = List.of(
            new String[] {"東京都千代田区霞が関1-3-1", "100-0013", "1985-04-01", "34", "男"},
            new String[] {"東京都千代田区霞が関2-1-2", "〒100-0013", "昭和62年5月3日", "36", "男性"},
            new String[] {"東京都千代田区丸の内1-9-1", "1000005", "1990/12/24", "35", "女"},
            new String[] {"東京都新宿区西新宿2-8-1", "163-8001", "1983年1月1日", "38", "女性"},
            new String[] {"大阪府大阪市北区梅田1-1-1", "530-0001", "1970-07-07", "56", "M"},
            new String[] {"大阪府大阪市北区梅田3-1-1", "５３０－０００１", "S46.3.3", "55", "F"},
            new String[] {"大阪府大阪市中央区大手前2-1-22", "540-8570", "1968-02-29", "58", "男"},
            new String[] {"住所不明", "不明", "不明", "102", "不明"});
    private static final List<String> QI = List.of("住所", "郵便番号", "生年月日", "年齢", "性別");

    private static List<String> column(int c) {
        List<String> out = new ArrayList<>();
        for (String[] r : ROWS) {
            out.add(r[c]);
        }
        return out;
    }

    @Test
    void searchFindsATwoAnonymousTransformationWithSuppression() {
        Dataset data = new Dataset(QI, ROWS);
        LatticeSearch search = LatticeSearch.of(data, List.of(
                JapaneseHierarchies.address("住所", column(0)),
                JapaneseHierarchies.postalCode("郵便番号", column(1)),
                JapaneseHierarchies.dateOfBirth("生年月日", column(2), LocalDate.of(2026, 11, 23)),
                JapaneseHierarchies.age("年齢", column(3)),
                JapaneseHierarchies.sex("性別", column(4))));

        SearchResult r = search.search(PrivacyModel.kAnonymity(2, 0.2));

        assertThat(r.levels()).containsOnlyKeys(QI);
        assertThat(r.suppressed()).isLessThanOrEqualTo(1);
        assertThat(r.minClassSize()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void searchWithoutSuppressionReachesTwoAnonymity() {
        Dataset data = new Dataset(QI, ROWS);
        LatticeSearch search = LatticeSearch.of(data, List.of(
                JapaneseHierarchies.address("住所", column(0)),
                JapaneseHierarchies.age("年齢", column(3)),
                JapaneseHierarchies.sex("性別", column(4))));

        SearchResult r = search.search(PrivacyModel.kAnonymity(2, 0));

        assertThat(r.suppressed()).isZero();
        assertThat(r.minClassSize()).isGreaterThanOrEqualTo(2);
        // the unreadable row can only join the others once address and age are at *
        assertThat(r.levels()).containsEntry("住所", 7).containsEntry("年齢", 4);
    }
}
