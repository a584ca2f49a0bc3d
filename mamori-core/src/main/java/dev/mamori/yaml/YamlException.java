package dev.mamori.yaml;

/**
 * A YAML file that cannot be used, with where: file, line and column (1-based; 0 when unknown), what is
 * wrong, and a suggestion or null. The message never quotes more of the file than a key the reader
 * did not expect.
 */
public final class YamlException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;
    private final String problem;
    private final String suggestion;

    public YamlException(String file, int line, int column, String problem, String suggestion) {
        super(format(file, line, column, problem, suggestion));
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = problem;
        this.suggestion = suggestion;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** What is wrong, without the place. */
    public String problem() {
        return problem;
    }

    public String suggestion() {
        return suggestion;
    }

    private static String format(String file, int line, int column, String problem, String suggestion) {
        StringBuilder b = new StringBuilder(file == null ? "" : file);
        if (line > 0) {
            b.append(':').append(line);
            if (column > 0) {
                b.append(':').append(column);
            }
        }
        b.append(": ").append(problem);
        if (suggestion != null) {
            b.append(" (").append(suggestion).append(')');
        }
        return b.toString();
    }
}
