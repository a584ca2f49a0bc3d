package dev.mamori.risk;

/**
 * A problem with the input of a risk analysis or a search, worded for the person who has to fix
 * it: what was wrong, where (file, column, row) and what to do.
 */
public class RiskException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RiskException(String message) {
        super(message);
    }

    public RiskException(String message, Throwable cause) {
        super(message, cause);
    }
}
