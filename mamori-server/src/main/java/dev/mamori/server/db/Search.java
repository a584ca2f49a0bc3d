package dev.mamori.server.db;

import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Searching a list: a substring of a stored search text ({@code search_text like ?}), which both databases run the
 * same way (PostgreSQL serves it from a trigram index, migration V6/V8; H2 reads the column of every row).
 */
public final class Search {

    private Search() {
    }

    /** The text searched: the fields, lower-cased (as the terms are), one per line. */
    public static String text(int max, String... fields) {
        StringBuilder b = new StringBuilder();
        for (String f : fields) {
            if (f != null && !f.isBlank()) {
                b.append(b.isEmpty() ? "" : "\n").append(f.strip());
            }
        }
        String s = b.toString().toLowerCase(Locale.ROOT);
        return s.length() > max ? s.substring(0, max) : s;
    }

    /** The {@code like} pattern for a search term: it anywhere, with {@code %} {@code _} and {@code \} taken literally. */
    public static String like(String term) {
        return "%" + term.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /**
     * The number of matches of a searched or filtered list, after its page was read: a page with some but fewer rows
     * than fit (or the first page, even empty) is the last one, so the total is known without counting (for a rare
     * term, counting read every row a second time); else {@code count}.
     */
    public static long total(int page, int size, int rows, LongSupplier count) {
        return rows < size && (rows > 0 || page == 0) ? (long) page * size + rows : count.getAsLong();
    }
}
