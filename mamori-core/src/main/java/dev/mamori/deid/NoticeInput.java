package dev.mamori.deid;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a {@link PublicationNotice} says. Checked when built: each missing field is named in an
 * {@link IllegalArgumentException}.
 *
 * @param mode      which kind of processed information was made
 * @param operator  the business operator's name (個人情報取扱事業者の氏名又は名称)
 * @param created   the date the processed information was made
 * @param items     the items it contains (個人に関する情報の項目), required for {@link Mode#ANONYMOUS}
 *                  (法43条3項); optional for {@link Mode#PSEUDONYMOUS}
 * @param purpose   the purpose of use (利用目的), required for {@link Mode#PSEUDONYMOUS} (法41条4項, 21条);
 *                  ignored for {@link Mode#ANONYMOUS}
 * @param provision the announced provision to third parties (法44条), or {@code null}; only for
 *                  {@link Mode#ANONYMOUS}
 */
public record NoticeInput(Mode mode, String operator, LocalDate created, List<String> items, String purpose,
                          ThirdPartyProvision provision) {

    public NoticeInput {
        if (mode == null) {
            throw new IllegalArgumentException("mode is missing: PSEUDONYMOUS (仮名加工情報) or ANONYMOUS (匿名加工情報)");
        }
        if (operator == null || operator.isBlank()) {
            throw new IllegalArgumentException("operator is missing: the business operator's name (事業者の氏名又は名称)");
        }
        operator = operator.strip();
        if (created == null) {
            throw new IllegalArgumentException("created is missing: the date the processed information was made");
        }
        if (mode == Mode.ANONYMOUS) {
            items = checkItems("items", items);
            purpose = null;
            if (provision != null) {
                for (String item : provision.items()) {
                    if (!items.contains(item)) {
                        throw new IllegalArgumentException("provision.items: '" + item + "' is not among the items of"
                                + " the 匿名加工情報 " + items);
                    }
                }
            }
        } else {
            items = items == null || items.isEmpty() ? List.of() : checkItems("items", items);
            if (purpose == null || purpose.isBlank()) {
                throw new IllegalArgumentException("purpose is missing: 仮名加工情報 needs its purpose of use"
                        + " (利用目的) published (個人情報保護法41条4項, 21条)");
            }
            purpose = purpose.strip();
            if (provision != null) {
                throw new IllegalArgumentException("provision: 仮名加工情報 is not provided to third parties except as"
                        + " the law allows (個人情報保護法41条6項); entrustment and joint use need their own notice");
            }
        }
    }

    static List<String> checkItems(String field, List<String> items) {
        if (items == null || items.isEmpty()) {
            throw new IllegalArgumentException(field + " is missing: list the items (項目), e.g. 性別, 年齢（10歳階級）");
        }
        List<String> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i);
            if (item == null || item.isBlank()) {
                throw new IllegalArgumentException(field + "[" + i + "] is blank");
            }
            if (out.contains(item.strip())) {
                throw new IllegalArgumentException(field + "[" + i + "] repeats '" + item.strip() + "'");
            }
            out.add(item.strip());
        }
        return List.copyOf(out);
    }
}
