package dev.mamori.server.web;

/** No record of that kind with that id (HTTP 404). */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
public final class NotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String entity, Object id) {
        super("no " + entity + " " + id);
    }
}
