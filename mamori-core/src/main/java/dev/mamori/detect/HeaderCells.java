package dev.mamori.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a table's header holds: the personal data found in its cells (a table's first record taken for its header, a
 * name in a column's title) and the column names as shown, masked where they hold some, so that a name is never printed
 * in full as a column's. Not the 要配慮 types: 病歴 or 健康診断結果 over a column names its subject, not a person's fact.
 *
 * @param found the findings of each header cell (none mostly)
 * @param shown each column's name as reports show it
 */
public record HeaderCells(List<List<Finding>> found, List<String> shown) {

    public HeaderCells {
        found = List.copyOf(found);
        shown = List.copyOf(shown);
    }

    /** Scans each header cell as free text. */
    public static HeaderCells of(List<String> header, Detector detector) {
        List<List<Finding>> found = new ArrayList<>(header.size());
        List<String> shown = new ArrayList<>(header.size());
        for (String h : header) {
            String name = h == null ? "" : h;
            List<Finding> fs = name.isBlank() ? List.of() : detector.detect(name, detector.freeText()).stream()
                    .filter(f -> f.type().category() != LegalCategory.SPECIAL_CARE_REQUIRED)
                    .toList();
            found.add(fs);
            shown.add(fs.isEmpty() ? name : masked(name, fs));
        }
        return new HeaderCells(found, shown);
    }

    /** Something was found in the header. */
    public boolean any() {
        return found.stream().anyMatch(f -> !f.isEmpty());
    }

    /** {@code text} with the values of {@code fs} masked. */
    private static String masked(String text, List<Finding> fs) {
        StringBuilder b = new StringBuilder(text);
        List<Finding> byStart = new ArrayList<>(fs);
        byStart.sort(Comparator.comparingInt(Finding::start).reversed());
        int limit = text.length();
        for (Finding f : byStart) {
            if (f.end() <= limit) {
                b.replace(f.start(), f.end(), Masking.mask(f.type(), text.substring(f.start(), f.end())));
                limit = f.start();
            }
        }
        return b.toString();
    }
}
