package dev.mamori.server.dataset;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;

/**
 * A data item of a dataset (a column, a field) with its APPI category and the personal-information types found in
 * it (the names {@code mamori scan} uses).
 *
 * @param name     the item as the organisation calls it (氏名, 住所, 個人番号 …)
 * @param category SPECIAL_CARE_REQUIRED, IDENTIFICATION_CODE, PERSONAL_INFORMATION or CORPORATE, or null when not personal
 * @param types    e.g. PERSON, MY_NUMBER
 */
public record DataItem(@NotBlank @Size(max = 200) String name, @Category String category, List<@Size(max = 40) String> types) {

    public static final Set<String> CATEGORIES = Set.of("SPECIAL_CARE_REQUIRED", "IDENTIFICATION_CODE", "PERSONAL_INFORMATION", "CORPORATE");

    public DataItem {
        types = types == null ? List.of() : List.copyOf(types);
        if (category != null && category.isBlank()) {
            category = null;
        }
    }

    /** Whether the item holds 個人番号. */
    public boolean myNumber() {
        return types.contains("MY_NUMBER");
    }
}
