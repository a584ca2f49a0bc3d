package dev.mamori.deid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.deid.PublicationNotice.Language;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoticeTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 1);
    private static final NoticeInput ANON = new NoticeInput(Mode.ANONYMOUS, "株式会社マモリ", DAY,
            List.of("性別", "年齢（10歳階級）", "病名"), null,
            new ThirdPartyProvision(List.of("性別", "病名"), "電子ファイルの送付", null));
    private static final NoticeInput PSEUDO = new NoticeInput(Mode.PSEUDONYMOUS, "株式会社マモリ", DAY, List.of(),
            "購買履歴の分析による新商品の開発", null);

    @Test
    void anonymousNoticeInJapaneseMarkdown() {
        assertThat(PublicationNotice.markdown(ANON, Language.JA)).isEqualTo("""
                # 匿名加工情報の作成に関する公表

                株式会社マモリは、個人情報の保護に関する法律第43条第3項及び個人情報の保護に関する法律施行規則第36条に基づき、\
                2026年11月1日に作成した匿名加工情報に含まれる個人に関する情報の項目を次のとおり公表します。

                ## 匿名加工情報に含まれる個人に関する情報の項目

                - 性別
                - 年齢（10歳階級）
                - 病名

                ## 匿名加工情報の第三者への提供

                株式会社マモリは、個人情報の保護に関する法律第44条及び同法施行規則第37条に基づき、\
                上記の匿名加工情報を第三者に提供するにあたり、提供する情報の項目及び提供の方法を次のとおり公表します。

                - **提供する個人に関する情報の項目**: 性別、病名
                - **提供の方法**: 電子ファイルの送付

                提供に際しては、提供先に対し、提供する情報が匿名加工情報である旨を明示します。

                - **事業者**: 株式会社マモリ
                - **作成日**: 2026年11月1日
                """);
    }

    @Test
    void anonymousNoticeWithoutProvisionHasNoProvisionSection() {
        NoticeInput a = new NoticeInput(Mode.ANONYMOUS, "株式会社マモリ", DAY, List.of("性別"), "ignored", null);
        assertThat(a.purpose()).isNull();
        assertThat(PublicationNotice.plainText(a, Language.JA)).isEqualTo("""
                匿名加工情報の作成に関する公表

                株式会社マモリは、個人情報の保護に関する法律第43条第3項及び個人情報の保護に関する法律施行規則第36条に基づき、\
                2026年11月1日に作成した匿名加工情報に含まれる個人に関する情報の項目を次のとおり公表します。

                【匿名加工情報に含まれる個人に関する情報の項目】

                ・性別

                事業者：株式会社マモリ
                作成日：2026年11月1日
                """);
    }

    @Test
    void pseudonymousNoticeInJapanesePlainText() {
        assertThat(PublicationNotice.plainText(PSEUDO, Language.JA)).isEqualTo("""
                仮名加工情報の利用目的の公表

                株式会社マモリは、個人情報の保護に関する法律第41条第4項の規定により読み替えて適用される同法第21条に基づき、\
                2026年11月1日に作成した仮名加工情報の利用目的を次のとおり公表します。

                【利用目的】

                購買履歴の分析による新商品の開発

                【第三者への提供について】

                仮名加工情報である個人データは、法令に基づく場合を除くほか、第三者に提供しません（個人情報の保護に関する法律第41条第6項）。

                事業者：株式会社マモリ
                作成日：2026年11月1日
                """);
    }

    @Test
    void englishVariants() {
        assertThat(PublicationNotice.markdown(PSEUDO, Language.EN)).isEqualTo("""
                # Publication of the purpose of use of pseudonymously processed information

                Pursuant to Article 21 of the Act on the Protection of Personal Information as applied by Article 41, \
                paragraph (4), 株式会社マモリ publishes the purpose of use of the pseudonymously processed information \
                it created on 1 November 2026.

                ## Purpose of use

                購買履歴の分析による新商品の開発

                ## Provision to third parties

                Personal data that is pseudonymously processed information is not provided to third parties except \
                where based on laws and regulations (Article 41, paragraph (6) of the Act).

                - **Business operator**: 株式会社マモリ
                - **Date of creation**: 1 November 2026
                """);
        assertThat(PublicationNotice.plainText(ANON, Language.EN))
                .contains("Article 43, paragraph (3)", "Article 44 of the Act and Article 37",
                        "\n- 年齢（10歳階級）\n", "\nCategories of information provided: 性別, 病名\n",
                        "\nMethod of provision: 電子ファイルの送付\n", "\nDate of creation: 1 November 2026\n");
    }

    @Test
    void pseudonymousItemsAndRecipientsAreShownWhenGiven() {
        NoticeInput p = new NoticeInput(Mode.PSEUDONYMOUS, "株式会社マモリ", DAY, List.of("購買履歴", "年代"), "需要予測", null);
        assertThat(PublicationNotice.markdown(p, Language.JA))
                .contains("\n## 仮名加工情報に含まれる項目\n\n- 購買履歴\n- 年代\n");
        NoticeInput a = new NoticeInput(Mode.ANONYMOUS, "株式会社マモリ", DAY, List.of("性別"), null,
                new ThirdPartyProvision(List.of("性別"), " サーバーへのアップロード ", "共同研究先の大学"));
        assertThat(PublicationNotice.plainText(a, Language.JA))
                .contains("\n提供の方法：サーバーへのアップロード\n提供先：共同研究先の大学\n");
    }

    @Test
    void markdownEscapesTheCallersText() {
        NoticeInput a = new NoticeInput(Mode.ANONYMOUS, "*Acme* [Japan]", DAY, List.of("# 年齢_区分"), null, null);
        assertThat(PublicationNotice.markdown(a, Language.EN))
                .contains("\n- \\# 年齢\\_区分\n", "\\*Acme\\* \\[Japan\\] publishes")
                .doesNotContain("*Acme*");
        assertThat(PublicationNotice.plainText(a, Language.EN)).contains("*Acme* [Japan] publishes");
    }

    @Test
    void wordingIsVersioned() {
        assertThat(PublicationNotice.wordingVersion(Language.JA)).isEqualTo("ja-2026.1");
        assertThat(PublicationNotice.wordingVersion(Language.EN)).isEqualTo("en-2026.1");
    }

    @Test
    void missingFieldsAreNamed() {
        List<String> items = List.of("性別");
        assertThatThrownBy(() -> new NoticeInput(null, "A", DAY, items, null, null)).hasMessageStartingWith("mode");
        assertThatThrownBy(() -> new NoticeInput(Mode.ANONYMOUS, " ", DAY, items, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("operator is missing");
        assertThatThrownBy(() -> new NoticeInput(Mode.ANONYMOUS, "A", null, items, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("created is missing");
        assertThatThrownBy(() -> new NoticeInput(Mode.ANONYMOUS, "A", DAY, List.of(), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("items is missing");
        assertThatThrownBy(() -> new NoticeInput(Mode.ANONYMOUS, "A", DAY, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("items is missing");
        assertThatThrownBy(() -> new NoticeInput(Mode.ANONYMOUS, "A", DAY, List.of("性別", " "), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("items[1] is blank");
        assertThatThrownBy(() -> new NoticeInput(Mode.ANONYMOUS, "A", DAY, List.of("性別", "性別 "), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("items[1] repeats '性別'");
        assertThatThrownBy(() -> new NoticeInput(Mode.PSEUDONYMOUS, "A", DAY, items, "", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("purpose is missing");
    }

    @Test
    void provisionIsCheckedAndRefusedForPseudonymousInformation() {
        ThirdPartyProvision tp = new ThirdPartyProvision(List.of("性別"), "電子ファイルの送付", null);
        assertThatThrownBy(() -> new NoticeInput(Mode.PSEUDONYMOUS, "A", DAY, List.of(), "分析", tp))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("41条6項");
        assertThatThrownBy(() -> new NoticeInput(Mode.ANONYMOUS, "A", DAY, List.of("年齢"), null, tp))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("provision.items: '性別' is not among the items");
        assertThatThrownBy(() -> new ThirdPartyProvision(List.of("性別"), " ", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("provision.method is missing");
        assertThatThrownBy(() -> new ThirdPartyProvision(List.of(), "郵送", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("provision.items is missing");
    }
}
