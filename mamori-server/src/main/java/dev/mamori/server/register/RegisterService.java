package dev.mamori.server.register;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.ledger.Incident;
import dev.mamori.server.audit.AuditLog;
import dev.mamori.server.audit.AuditLog.Action;
import dev.mamori.server.db.Search;
import dev.mamori.server.web.ApiErrors;
import dev.mamori.server.web.ConflictException;
import dev.mamori.server.web.InvalidInputException;
import dev.mamori.server.web.InvalidInputException.FieldProblem;
import dev.mamori.server.web.NotFoundException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registers of the ledger: every read and write goes through here and into the audit log in the same
 * transaction; every save is checked field by field (Bean Validation, then the entry's own rules) and kept as a new
 * version in the history.
 */
@Service
public class RegisterService {

    private final RegisterRepository repo;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Validator validator;
    private final MessageSource messages;
    private final Clock clock;
    private final JdbcClient jdbc;
    private final List<Register<?>> registers;

    RegisterService(RegisterRepository repo, AuditLog audit, ObjectMapper json, Validator validator, MessageSource messages, Clock clock,
                    JdbcClient jdbc, List<Register<?>> registers) {
        this.repo = repo;
        this.audit = audit;
        this.json = json;
        this.validator = validator;
        this.messages = messages;
        this.clock = clock;
        this.jdbc = jdbc;
        this.registers = registers.stream().sorted(java.util.Comparator.comparing(Register::name)).toList();
    }

    /** A page of a list. */
    public record Page<T extends Entry>(List<Stored<T>> rows, long total, int page, int size) {
        public long pages() {
            return Math.max(1, (total + size - 1) / size);
        }
    }

    /** A saved version of an entry. */
    public record Version<T>(int version, Instant changedAt, String changedBy, T values) {
    }

    /** Today, in Japan. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public List<Register<?>> registers() {
        return registers;
    }

    @Transactional
    public <T extends Record & Entry> Page<T> list(Register<T> r, String query, Filter filter, String sort,
                                                 boolean descending, int page, int size) {
        Settings s = settings();
        RegisterRepository.Page p = repo.list(r.name(), query, filter, today(), sort, descending, Math.max(0, page),
                Math.min(Math.max(1, size), 200));
        audit.record(Action.LIST, r.entity(), null, "page " + p.page() + ", " + p.rows().size() + " of " + p.total()
                + (query == null || query.isBlank() ? "" : ", searched"));
        return new Page<>(p.rows().stream().map(row -> stored(r, row, s)).toList(), p.total(), p.page(), p.size());
    }

    @Transactional
    public <T extends Record & Entry> Stored<T> get(Register<T> r, long id) {
        Stored<T> s = stored(r, repo.find(r.name(), id).orElseThrow(() -> new NotFoundException(r.entity(), id)), settings());
        audit.record(Action.READ, r.entity(), id, null);
        return s;
    }

    @Transactional
    public <T extends Record & Entry> List<Version<T>> history(Register<T> r, long id) {
        repo.find(r.name(), id).orElseThrow(() -> new NotFoundException(r.entity(), id));
        audit.record(Action.READ, r.entity(), id, "history");
        return repo.history(id).stream().map(v -> new Version<>(v.version(), v.changedAt(), v.changedBy(), read(v.json(), r.type()))).toList();
    }

    @Transactional
    public <T extends Record & Entry> Stored<T> create(Register<T> r, T entry) {
        Settings s = settings();
        check(r, entry, s);
        Instant now = clock.instant();
        long id = repo.insert(r.name(), entry, columns(entry, s), user(), now);
        repo.snapshot(id, 1, now, user(), repo.write(entry));
        audit.record(Action.CREATE, r.entity(), id, null);
        return stored(r, repo.find(r.name(), id).orElseThrow(), s);
    }

    /** Saves over {@code version}; a {@link ConflictException} when someone saved another version first. */
    @Transactional
    public <T extends Record & Entry> Stored<T> update(Register<T> r, long id, int version, T entry) {
        repo.find(r.name(), id).orElseThrow(() -> new NotFoundException(r.entity(), id));
        Settings s = settings();
        check(r, entry, s);
        Instant now = clock.instant();
        if (!repo.update(r.name(), id, version, entry, columns(entry, s), user(), now)) {
            throw new ConflictException(r.entity(), id);
        }
        repo.snapshot(id, version + 1, now, user(), repo.write(entry));
        audit.record(Action.UPDATE, r.entity(), id, "version " + (version + 1));
        return stored(r, repo.find(r.name(), id).orElseThrow(), s);
    }

    /** Every entry of a register, for an export (audited as one export). */
    @Transactional
    public <T extends Record & Entry> List<Stored<T>> export(Register<T> r, String format) {
        Settings s = settings();
        List<Stored<T>> all = repo.all(r.name()).stream().map(row -> stored(r, row, s)).toList();
        audit.record(Action.EXPORT, r.entity(), null, format + ", " + all.size() + " entries");
        return all;
    }

    /** Open entries with a deadline on or before {@code until}, soonest first (for the dashboard; the caller audits). */
    @Transactional(readOnly = true)
    public <T extends Record & Entry> List<Stored<T>> due(Register<T> r, LocalDate until, int limit) {
        Settings s = settings();
        return repo.due(r.name(), until, limit).stream().map(row -> stored(r, row, s)).toList();
    }

    /** The open entries, newest first (for the dashboard; the caller audits). */
    @Transactional(readOnly = true)
    public <T extends Record & Entry> List<Stored<T>> open(Register<T> r, int limit) {
        Settings s = settings();
        return repo.list(r.name(), null, Filter.OPEN, today(), "created", true, 0, limit).rows().stream().map(row -> stored(r, row, s)).toList();
    }

    @Transactional(readOnly = true)
    public long countOpen(Register<?> r) {
        return repo.countOpen(r.name());
    }

    @Transactional(readOnly = true)
    public long countExpired(Register<?> r) {
        return repo.countExpired(r.name(), today());
    }

    /**
     * Deletes the entries whose keeping period is over (provision records, 規則21条・25条), each with its history,
     * and writes each deletion to the audit log with the day it had to be kept until. Entries still to be kept are
     * never touched.
     *
     * @return how many were deleted
     */
    @Transactional
    public int purgeExpired(Register<?> r) {
        LocalDate today = today();
        List<RegisterRepository.Expired> gone = repo.expired(r.name(), today);
        for (RegisterRepository.Expired e : gone) {
            repo.delete(r.name(), e.id());
            audit.record(Action.DELETE, r.entity(), e.id(), "keeping period over: kept until " + e.keepUntil() + ", deleted " + today);
        }
        return gone.size();
    }

    /** The organisation's settings (defaults until an administrator saves them). */
    @Transactional(readOnly = true)
    public Settings settings() {
        Map<String, String> m = jdbc.sql("select name, setting_value from org_setting").query()
                .listOfRows().stream().collect(Collectors.toMap(row -> (String) row.get("name"), row -> (String) row.get("setting_value")));
        Settings d = Settings.defaults();
        return new Settings(m.containsKey("holder") ? Incident.Holder.valueOf(m.get("holder")) : d.holder(),
                m.containsKey("request_due_days") ? Integer.parseInt(m.get("request_due_days")) : d.requestDueDays());
    }

    /** Saves the settings and recomputes every entry's deadlines with them, in one transaction. */
    @Transactional
    public Settings updateSettings(Settings s) {
        Instant now = clock.instant();
        for (var e : Map.of("holder", s.holder().name(), "request_due_days", Integer.toString(s.requestDueDays())).entrySet()) {
            if (jdbc.sql("update org_setting set setting_value = ?, updated_at = ?, updated_by = ? where name = ?")
                    .params(e.getValue(), Timestamp.from(now), user(), e.getKey()).update() == 0) {
                jdbc.sql("insert into org_setting (name, setting_value, updated_at, updated_by) values (?, ?, ?, ?)")
                        .params(e.getKey(), e.getValue(), Timestamp.from(now), user()).update();
            }
        }
        for (Register<?> r : registers) {
            recompute(r, s);
        }
        audit.record(Action.UPDATE, "settings", null, "holder " + s.holder() + ", request due days " + s.requestDueDays());
        return s;
    }

    private <T extends Record & Entry> void recompute(Register<T> r, Settings s) {
        for (RegisterRepository.Row row : repo.all(r.name())) {
            repo.recompute(row.id(), columns(read(row.json(), r.type()), s));
        }
    }

    private <T extends Record & Entry> void check(Register<T> r, T entry, Settings s) {
        List<FieldProblem> p = problems(r, entry, s);
        if (!p.isEmpty()) {
            throw new InvalidInputException(p);
        }
    }

    /** The problems of {@code entry}, field by field, in the request's language: Bean Validation first, then its own rules. */
    private <T extends Record & Entry> List<FieldProblem> problems(Register<T> r, T entry, Settings s) {
        Locale locale = LocaleContextHolder.getLocale();
        List<FieldProblem> out = new ArrayList<>();
        for (ConstraintViolation<T> v : validator.validate(entry)) {
            out.add(new FieldProblem(ApiErrors.snake(v.getPropertyPath().toString()), v.getMessage()));
        }
        // a link to the 個人データ台帳 must lead somewhere
        r.field("datasetId").map(f -> r.value(entry, f)).ifPresent(id -> {
            if (jdbc.sql("select count(*) from dataset where id = ?").param(id).query(Long.class).single() == 0) {
                out.add(new FieldProblem("dataset_id", messages.getMessage("register.problem.dataset_unknown", new Object[] {id}, locale)));
            }
        });
        for (Entry.Problem p : entry.check(new Context(today(), s))) {
            Object[] args = Stream.of(p.args()).map(a -> a instanceof String f && r.field(f).isPresent()
                    ? messages.getMessage("field." + r.name() + "." + ApiErrors.snake(f), null, f, locale) : a).toArray();
            out.add(new FieldProblem(ApiErrors.snake(p.field()), messages.getMessage("register.problem." + p.code(), args, p.code(), locale)));
        }
        return out;
    }

    private <T extends Record & Entry> Stored<T> stored(Register<T> r, RegisterRepository.Row row, Settings s) {
        T data = read(row.json(), r.type());
        return new Stored<>(row.id(), r.name(), row.version(), data, data.derive(s), row.createdAt(), row.updatedAt(), row.updatedBy());
    }

    private RegisterRepository.Columns columns(Entry e, Settings s) {
        Derived d = e.derive(s);
        String title = e.title().length() > 400 ? e.title().substring(0, 400) : e.title();
        List<String> text = new ArrayList<>(List.of(title));
        json.valueToTree(e).forEach(v -> {
            if (v.isTextual()) {
                text.add(v.asText());
            }
        });
        return new RegisterRepository.Columns(title, Search.text(8000, text.toArray(String[]::new)), d.open(), d.dueOn(), d.keepUntil());
    }

    private <T> T read(String s, Class<T> type) {
        try {
            return json.readValue(s, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored " + type.getSimpleName() + " could not be read: " + e.getOriginalMessage(), e);
        }
    }

    private static String user() {
        var a = SecurityContextHolder.getContext().getAuthentication();
        return a == null ? "system" : a.getName();
    }
}
