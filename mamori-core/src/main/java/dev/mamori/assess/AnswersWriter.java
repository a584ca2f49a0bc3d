package dev.mamori.assess;

import java.util.List;
import java.util.Map;

/**
 * Writes an answers file: every question as a comment above its answer (text, guidance, choices,
 * weight), so the file is its own form. With no answers it is the template of {@code mamori assess template}.
 */
final class AnswersWriter {

    private AnswersWriter() {
    }

    static String write(Questionnaire q, Answers.Meta meta, Map<String, Answer> answers, List<PlanItem> plan, String lang) {
        StringBuilder b = new StringBuilder();
        b.append("# ").append(q.id()).append(' ').append(q.version()).append(" — ").append(q.title().in(lang)).append('\n');
        b.append("en".equals(lang)
                ? "# Answer each question with one of the choices listed above it, then run: mamori assess score THIS_FILE\n"
                : "# 各設問の上に示した選択肢のいずれかで回答し、mamori assess score THIS_FILE で採点します。\n");
        b.append("en".equals(lang) ? "# Format: docs/questionnaire-schema.md\n" : "# 書式: docs/questionnaire-schema.md\n");
        // a bundled questionnaire by its id; one read from a file by that file, so the answers find it again
        boolean bundled = Questionnaire.BUNDLED.contains(q.id()) && q.file().endsWith("(bundled)");
        b.append("questionnaire: ").append(quote(bundled ? q.id() : java.nio.file.Path.of(q.file()).toAbsolutePath().toString())).append('\n');
        b.append("version: ").append(quote(q.version())).append('\n');
        b.append("meta:\n");
        b.append("  organisation: ").append(quote(meta == null ? "" : meta.organisation())).append('\n');
        b.append("  system: ").append(quote(meta == null ? "" : meta.system())).append('\n');
        b.append("  date: ").append(quote(meta == null ? "" : meta.date())).append("   # 2026-04-01\n");
        b.append("  assessor: ").append(quote(meta == null ? "" : meta.assessor())).append('\n');
        b.append("  lang: ").append(quote("en".equals(lang) ? "en" : "ja"))
                .append("en".equals(lang) ? "   # language of messages when scored (ja or en)\n" : "   # 採点時のメッセージの言語（ja または en）\n");
        if (meta != null && (meta.revisionReason() != null || meta.afterReason() != null)) {
            b.append("  revision:\n    reason: ").append(quote(meta.revisionReason())).append('\n');
            if (meta.afterReason() != null) {
                b.append("    after_reason: ").append(quote(meta.afterReason())).append('\n');
            }
        }
        b.append("answers:\n");
        for (Area a : q.areas()) {
            area(b, a, answers, lang);
        }
        if (plan.isEmpty()) {
            b.append("plan: []   # - {question: ID, action: …, owner: …, due: 2026-06-30, difficulty: low, expected: \"yes\"}\n");
        } else {
            b.append("plan:\n");
            for (PlanItem p : plan) {
                b.append("  - question: ").append(quote(p.questionId())).append('\n');
                b.append("    action: ").append(quote(p.action())).append('\n');
                b.append("    owner: ").append(quote(p.owner())).append('\n');
                b.append("    due: ").append(quote(p.due())).append('\n');
                if (p.difficulty() != null) {
                    b.append("    difficulty: ").append(p.difficulty().name().toLowerCase(java.util.Locale.ROOT)).append('\n');
                }
                b.append("    expected: ").append(quote(p.expected())).append('\n');
            }
        }
        return b.toString();
    }

    private static void area(StringBuilder b, Area a, Map<String, Answer> answers, String lang) {
        b.append("\n  # ── ").append(a.id()).append(' ').append(a.name().in(lang));
        if (a.declaredMax() != null) {
            b.append("en".equals(lang) ? " (max " : "（満点 ").append(Render.number(a.declaredMax())).append("en".equals(lang) ? ")" : "）");
        }
        b.append('\n');
        for (Question q : a.questions()) {
            b.append("  # ").append(q.id()).append(". ").append(oneLine(q.text().in(lang))).append('\n');
            if (!q.guidance().isEmpty()) {
                b.append("  #    ").append(oneLine(q.guidance().in(lang))).append('\n');
            }
            if (q.answerSet() != null) {
                StringBuilder c = new StringBuilder();
                for (Choice ch : q.answerSet().choices()) {
                    c.append(c.length() == 0 ? "" : ", ").append(ch.key()).append('=').append(ch.label().in(lang));
                }
                boolean en = "en".equals(lang);
                b.append("  #    ").append(q.type() == Question.Type.MULTI ? (en ? "check any of: " : "複数選択可: ") : (en ? "choices: " : "選択肢: "))
                        .append(c);
                if (q.scored() && q.weight() != 1) {
                    b.append(en ? "   weight " : "   重み ").append(Render.number(q.weight()));
                }
                b.append('\n');
            } else {
                b.append("  #    ").append(typeName(q.type(), lang)).append('\n');
            }
            if (q.appliesWhen() != null) {
                String on = String.join(", ", q.appliesWhen().questions());
                b.append("en".equals(lang) ? "  #    (only when " + on + " say so)\n" : "  #    （" + on + " の回答によって対象になります）\n");
            }
            Answer ans = answers.get(q.id());
            b.append("  ").append(quote(q.id())).append(":");
            if (ans != null && ans.comment() == null && ans.evidence() == null) {
                b.append(' ').append(value(ans.response()));
            } else if (ans != null) {
                b.append(" {answer: ").append(value(ans.response()));
                if (ans.comment() != null) {
                    b.append(", comment: ").append(quote(ans.comment()));
                }
                if (ans.evidence() != null) {
                    b.append(", evidence: ").append(quote(ans.evidence()));
                }
                b.append('}');
            }
            b.append('\n');
        }
        for (Area s : a.areas()) {
            area(b, s, answers, lang);
        }
    }

    private static String typeName(Question.Type t, String lang) {
        if ("en".equals(lang)) {
            return t.name().toLowerCase(java.util.Locale.ROOT);
        }
        return switch (t) {
            case TEXT -> "文章";
            case DATE -> "日付（2026-04-01 または 令和8年4月1日）";
            case NUMBER -> "数値（350000、350,000 または 35万）";
            default -> t.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String value(Response r) {
        if (r instanceof Response.Chosen c) {
            return quote(c.key());
        }
        if (r instanceof Response.Checked c) {
            return "[" + String.join(", ", c.keys().stream().map(AnswersWriter::quote).toList()) + "]";
        }
        return quote(((Response.Written) r).text());
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').strip();
    }

    /** A YAML double-quoted scalar. */
    static String quote(String s) {
        if (s == null) {
            return "\"\"";
        }
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        b.append(String.format("\\x%02x", (int) c)); // control characters, escaped as YAML allows
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
