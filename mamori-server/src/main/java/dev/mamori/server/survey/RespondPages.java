package dev.mamori.server.survey;

import dev.mamori.assess.Questionnaire;
import dev.mamori.assess.Response;
import dev.mamori.report.Message;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import dev.mamori.server.web.Languages;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The survey as a respondent sees it through a link: no login, the whole questionnaire on one page, one response a link. */
@Controller
@RequestMapping("/s")
class RespondPages {

    private final SurveyService surveys;

    RespondPages(SurveyService surveys) {
        this.surveys = surveys;
    }

    @GetMapping("/{token}")
    String form(@PathVariable String token, Locale locale, Model model, HttpServletResponse response) {
        SurveyService.Link link = surveys.link(token);
        if (link.state() != SurveyService.LinkState.OPEN) {
            return gone(link, response, model);
        }
        show(link.survey(), token, Map.of(), Map.of(), locale, model);
        return "survey/respond";
    }

    @PostMapping("/{token}")
    String submit(@PathVariable String token, HttpServletRequest request, Locale locale, Model model, HttpServletResponse response) {
        SurveyService.Link link = surveys.link(token);
        if (link.state() != SurveyService.LinkState.OPEN) {
            return gone(link, response, model);
        }
        Questionnaire q = surveys.questionnaire(link.survey());
        Map<String, List<String>> form = new HashMap<>();
        request.getParameterMap().forEach((k, v) -> form.put(k, Arrays.asList(v)));
        Map<String, Message> problems = new LinkedHashMap<>();
        Map<String, Response> answers = surveys.check(q, form, problems);
        if (!problems.isEmpty()) {
            show(link.survey(), token, form, Languages.shown(problems, locale), locale, model);
            response.setStatus(422);
            return "survey/respond";
        }
        if (!surveys.respond(token, link.survey().id(), answers)) {
            return gone(new SurveyService.Link(SurveyService.LinkState.USED, link.survey()), response, model);
        }
        model.addAttribute("state", "THANKS");
        return "survey/done";
    }

    private void show(SurveyService.Survey s, String token, Map<String, List<String>> given, Map<String, String> problems, Locale locale,
                      Model model) {
        Questionnaire q = surveys.questionnaire(s);
        model.addAttribute("s", s);
        model.addAttribute("q", q);
        model.addAttribute("lang", Languages.of(locale));
        model.addAttribute("token", token);
        model.addAttribute("given", given);
        model.addAttribute("problems", problems);
    }

    private static String gone(SurveyService.Link link, HttpServletResponse response, Model model) {
        response.setStatus(link.state() == SurveyService.LinkState.UNKNOWN ? 404 : 410);
        model.addAttribute("state", link.state().name());
        return "survey/done";
    }
}
