package dev.mamori.table;

/**
 * How FastCSV follows quotes, as states of a field, for the code that must find a record's end without FastCSV
 * ({@link BlockSplitter} on bytes, {@link RecordText} on chars): a quote opens a field only at its start; inside,
 * {@code ""} is an escaped quote; after a closing quote the field goes on, and a later quote opens the quotes again
 * ({@code ""a"b,c"} is one field); elsewhere a quote is a plain character. Line ends are the caller's: a line feed
 * ends the record unless the state is {@link #QUOTED}.
 */
final class Quotes {

    static final int FIELD_START = 0;
    static final int UNQUOTED = 1;
    static final int QUOTED = 2;
    /** After a quote in a field that began with one: closed until the next quote, or "" was an escaped quote. */
    static final int AFTER_QUOTE = 3;

    private Quotes() {
    }

    /** The state after character {@code c} (a CR at a field's start leaves it there: the CR of a CRLF). */
    static int next(int state, int c, int delimiter) {
        return switch (state) {
            case FIELD_START -> c == '"' ? QUOTED : c == delimiter || c == '\r' ? FIELD_START : UNQUOTED;
            case UNQUOTED -> c == delimiter ? FIELD_START : UNQUOTED;
            case QUOTED -> c == '"' ? AFTER_QUOTE : QUOTED;
            default -> c == '"' ? QUOTED : c == delimiter ? FIELD_START : AFTER_QUOTE;
        };
    }
}
