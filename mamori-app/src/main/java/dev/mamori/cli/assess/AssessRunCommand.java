package dev.mamori.cli.assess;

import dev.mamori.cli.Lang;
import dev.mamori.cli.Outputs;
import dev.mamori.cli.Text;

import dev.mamori.assess.Answer;
import dev.mamori.assess.Answers;
import dev.mamori.assess.AssessException;
import dev.mamori.assess.Assessment;
import dev.mamori.assess.Choice;
import dev.mamori.assess.PlanItem;
import dev.mamori.assess.Question;
import dev.mamori.assess.Questionnaire;
import dev.mamori.assess.Response;
import dev.mamori.report.AtomicFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mamori assess run}: answer a questionnaire in the terminal, question by question, saving as you go. */
@Command(name = "run", resourceBundle = "dev.mamori.cli.assess.Help", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Answer a questionnaire interactively. Each question shows its choices as numbers; type the number "
                + "(or the choice's key or label), '?' for the guidance, Enter to skip, 'q' to save and stop. Text after "
                + "' #' is kept as the answer's comment. The file is saved after every answer, so nothing is lost; run again "
                + "with the same --output to continue where you stopped.",
                "",
                "  mamori assess run ics-security --output my-ics.yaml", ""})
final class AssessRunCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ID", descriptionKey = "id", description = "A bundled questionnaire (mamori assess list) or a questionnaire file.")
    String id;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The answers file to write (continued if it exists).")
    Path output;

    Lang lang = Lang.current();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private PrintWriter out;
    private BufferedReader in;

    @Override
    public Integer call() throws IOException {
        Outputs.guard().reads(Files.exists(Path.of(id)) ? Path.of(id) : null, "設問票", "the questionnaire").writes(output, "--output").check();
        out = spec.commandLine().getOut();
        in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String l = lang.name();
        Questionnaire q;
        Map<String, Answer> answers = new LinkedHashMap<>();
        List<PlanItem> plan = new ArrayList<>();
        Answers.Meta meta;
        try {
            q = AssessCommand.questionnaire(id);
            if (Files.exists(output)) {
                Answers previous = Assessment.open(output, q, true);
                answers.putAll(previous.answers());
                plan.addAll(previous.plan());
                meta = previous.meta();
                out.println(lang.t("続きから回答します: ", "Continuing: ") + output + " (" + answers.size() + lang.t(" 問回答済み)", " answered)"));
            } else {
                out.println(q.title().in(l) + " — " + q.questions().size() + lang.t(" 問", " questions"));
                String org = ask(lang.t("組織名", "Organisation"));
                String system = ask(lang.t("対象システム・事務", "System or work assessed"));
                String date = ask(lang.t("評価日 [" + LocalDate.now() + "]", "Date [" + LocalDate.now() + "]"));
                String assessor = ask(lang.t("評価者", "Assessor"));
                meta = new Answers.Meta(org, system, date == null || date.isBlank() ? LocalDate.now().toString() : date, assessor, null, null, l);
            }
        } catch (AssessException e) {
            return AssessCommand.report(e, spec);
        }
        int total = q.questions().size();
        int index = 0;
        for (Question question : q.questions().values()) {
            index++;
            if (answers.containsKey(question.id()) || !applies(question, answers)) {
                continue;
            }
            String result = askQuestion(question, index, total, l, answers);
            if ("quit".equals(result)) {
                break;
            }
            save(q, meta, answers, plan, l);
        }
        save(q, meta, answers, plan, l);
        out.println(lang.t("保存しました: ", "Saved: ") + output + lang.t("  採点: mamori assess score ", "  Score it: mamori assess score ") + output);
        return 0;
    }

    private static boolean applies(Question q, Map<String, Answer> answers) {
        if (q.appliesWhen() == null) {
            return true;
        }
        // the condition reads responses; build them from what is answered so far
        Map<String, Response> r = new LinkedHashMap<>();
        answers.forEach((k, v) -> r.put(k, v.response()));
        return Assessment.applies(q, r);
    }

    /** Asks one question until it gets a valid answer, a skip or a quit; returns "quit" to stop. */
    private String askQuestion(Question q, int index, int total, String l, Map<String, Answer> answers) throws IOException {
        out.println();
        out.println("[" + index + "/" + total + "] " + q.id() + ". " + q.text().in(l));
        List<Choice> choices = q.answerSet() == null ? List.of() : q.answerSet().choices();
        for (int i = 0; i < choices.size(); i++) {
            out.println("   " + (i + 1) + ") " + choices.get(i).label().in(l));
        }
        while (true) {
            String line = ask(q.type() == Question.Type.MULTI ? lang.t("番号（複数はカンマ区切り）", "numbers, comma-separated")
                    : choices.isEmpty() ? q.type().name().toLowerCase(java.util.Locale.ROOT) : lang.t("番号", "number"));
            if (line == null || line.equals("q")) {
                return "quit";
            }
            if (line.isBlank()) {
                return "skip";
            }
            if (line.equals("?")) {
                out.println("   " + (q.guidance().isEmpty() ? lang.t("（補足なし）", "(no guidance)") : q.guidance().in(l)));
                if (q.hint() != null) {
                    out.println("   " + lang.t("改善案: ", "Typical action: ") + q.hint().action().in(l));
                }
                continue;
            }
            String comment = null;
            int hash = line.indexOf(" #");
            if (hash >= 0) {
                comment = line.substring(hash + 2).strip();
                line = line.substring(0, hash).strip();
            }
            Response r = parse(q, choices, line);
            if (r == null) {
                out.println("   " + (choices.isEmpty()
                        ? lang.t("日付は 2026-04-01 または 令和8年4月1日、数値は数字で答えてください（Enter で省略）", "Write a date as 2026-04-01, a number in digits (Enter to skip)")
                        : lang.t("選択肢の番号で答えてください（? で補足、Enter で省略）", "Answer with a choice number (? for guidance, Enter to skip)")));
                continue;
            }
            answers.put(q.id(), new Answer(q.id(), r, comment, null, 0, 0));
            return "ok";
        }
    }

    private static Response parse(Question q, List<Choice> choices, String line) {
        if (choices.isEmpty()) {
            return q.accepts(line) ? new Response.Written(line) : null;
        }
        List<String> keys = new ArrayList<>();
        for (String part : q.type() == Question.Type.MULTI ? line.split("[,、\\s]+") : new String[] {line}) {
            Choice c = pick(choices, part.strip());
            if (c == null) {
                return null;
            }
            keys.add(c.key());
        }
        return q.type() == Question.Type.MULTI ? new Response.Checked(keys) : new Response.Chosen(keys.get(0));
    }

    private static Choice pick(List<Choice> choices, String s) {
        try {
            int n = Integer.parseInt(s);
            return n >= 1 && n <= choices.size() ? choices.get(n - 1) : null;
        } catch (NumberFormatException e) {
            return choices.stream().filter(c -> c.key().equals(s) || c.label().ja().equals(s) || c.label().en().equalsIgnoreCase(s))
                    .findFirst().orElse(null);
        }
    }

    private String ask(String prompt) throws IOException {
        out.print(prompt + "> ");
        out.flush();
        String line = in.readLine();
        return line == null ? null : line.strip();
    }

    private void save(Questionnaire q, Answers.Meta meta, Map<String, Answer> answers, List<PlanItem> plan, String l) throws IOException {
        AtomicFiles.writeString(output, Assessment.write(q, meta, answers, plan, l));
    }
}
