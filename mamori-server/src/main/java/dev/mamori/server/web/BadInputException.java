package dev.mamori.server.web;

/** Input that cannot be used, with a reason that is safe to show (it never quotes the input). HTTP 400. */
public class BadInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public BadInputException(String reason) {
        super(reason);
    }
}
