package dev.mamori.server.web;

import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Errors of the REST API as problem details (RFC 9457): the field and the reason for each invalid value, in the
 * language of the request's {@code Accept-Language} (Japanese by default).
 */
@RestControllerAdvice(annotations = ApiErrors.Api.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
public class ApiErrors {

    /** Marks the REST controllers whose errors are problem details. */
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE)
    public @interface Api {
    }

    private final MessageSource messages;

    ApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(BindException.class)
    ProblemDetail invalid(BindException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text("error.invalid"));
        List<Map<String, String>> errors = e.getBindingResult().getAllErrors().stream()
                .map(err -> Map.of("field", err instanceof FieldError f ? snake(f.getField()) : err.getObjectName(),
                        "message", messages.getMessage(err, LocaleContextHolder.getLocale())))
                .toList();
        p.setProperty("errors", errors);
        return p;
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text("error.invalid"));
        p.setProperty("errors", e.problems().stream().map(f -> Map.of("field", f.field(), "message", f.message())).toList());
        return p;
    }

    /** A body that is not the JSON asked for: the field (its JSON path) and why, not the parser's words. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(java.util.stream.Collectors.joining(".")).replace(".[", "[");
            String why = text(m instanceof UnrecognizedPropertyException ? "error.field.unknown" : "error.field.type");
            ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text("error.invalid"));
            p.setProperty("errors", List.of(Map.of("field", field, "message", why)));
            return p;
        }
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text("error.json"));
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, text("error.notfound"));
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, text("error.conflict"));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, text("error.toolarge"));
    }

    @ExceptionHandler(BadInputException.class)
    ProblemDetail bad(BadInputException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text("error.badrequest") + ": " + e.getMessage());
    }

    /** A Java property path in the JSON's snake_case ({@code items[0].typesFound} → {@code items[0].types_found}). */
    public static String snake(String path) {
        return path.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
