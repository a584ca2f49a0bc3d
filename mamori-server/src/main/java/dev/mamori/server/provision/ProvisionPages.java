package dev.mamori.server.provision;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.server.register.Display;
import dev.mamori.server.register.Register;
import dev.mamori.server.register.RegisterPages;
import dev.mamori.server.register.RegisterService;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 提供記録・確認記録 in the browser, and the daily purge of the records whose keeping period is over. */
@Controller
@RequestMapping("/provisions")
class ProvisionPages extends RegisterPages<ProvisionRecord> {

    ProvisionPages(RegisterService service, ObjectMapper json, Display show, MessageSource messages) {
        super(ProvisionRecord.REGISTER, service, json, show, messages);
    }

    @Bean
    static Register<ProvisionRecord> provisionRegister() {
        return ProvisionRecord.REGISTER;
    }

    @Override
    protected Map<String, String> defaults() {
        return Map.of("made_on", service.today().toString(), "form", "EACH", "direction", "PROVIDED");
    }

    /** Deletes now what the nightly purge would (each deletion in the audit log). */
    @PostMapping("/purge")
    String purge(RedirectAttributes flash) {
        flash.addFlashAttribute("purged", service.purgeExpired(register));
        return "redirect:/provisions";
    }

    /** Every night at 03:15 Japan time ({@code mamori.purge.cron}): records past their keeping period go. */
    @Scheduled(cron = "${mamori.purge.cron:0 15 3 * * *}", zone = "Asia/Tokyo")
    void nightly() {
        int n = service.purgeExpired(register);
        if (n > 0) {
            org.slf4j.LoggerFactory.getLogger(ProvisionPages.class).info("purged {} provision records past their keeping period", n);
        }
    }
}
