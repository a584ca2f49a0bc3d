package dev.mamori.server.web;

/** Someone else saved the record since it was read: the second save is refused and nothing is lost (HTTP 409). */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CONFLICT)
public final class ConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String entity, Object id) {
        super(entity + " " + id + " was changed by someone else since it was read");
    }
}
