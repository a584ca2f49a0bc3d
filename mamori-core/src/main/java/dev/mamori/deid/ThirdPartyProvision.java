package dev.mamori.deid;

import java.util.List;

/**
 * A provision of 匿名加工情報 to third parties, as announced beforehand (第三者提供; 個人情報保護法44条,
 * 施行規則37条): the items provided and how. 仮名加工情報 is not provided to third parties
 * (法41条6項), so a {@link NoticeInput} in {@link Mode#PSEUDONYMOUS} refuses one.
 *
 * @param items      the items provided (提供する個人に関する情報の項目), each among the notice's items
 * @param method     the method of provision (提供の方法), e.g. 電子ファイルの送付
 * @param recipients the kind of recipient (提供先), e.g. 共同研究先の大学; optional ({@code null} or blank)
 */
public record ThirdPartyProvision(List<String> items, String method, String recipients) {

    public ThirdPartyProvision {
        items = NoticeInput.checkItems("provision.items", items);
        if (method == null || method.isBlank()) {
            throw new IllegalArgumentException("provision.method is missing: say how the data is provided,"
                    + " e.g. 電子ファイルの送付 (施行規則37条)");
        }
        method = method.strip();
        recipients = recipients == null || recipients.isBlank() ? null : recipients.strip();
    }
}
