package dev.mamori.server.register;

import dev.mamori.server.web.ApiErrors;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The organisation's settings over REST: {@code holder} (BUSINESS or PUBLIC_BODY) and {@code request_due_days}. */
@RestController
@ApiErrors.Api
class SettingsApi {

    private final RegisterService service;
    private final MessageSource messages;

    SettingsApi(RegisterService service, MessageSource messages) {
        this.service = service;
        this.messages = messages;
    }

    record SettingsBody(String holder, Integer requestDueDays) {
    }

    @GetMapping("/api/settings")
    Settings get() {
        return service.settings();
    }

    /** Saves the settings and recomputes every entry's deadlines with them. */
    @PutMapping("/api/settings")
    Settings put(@RequestBody SettingsBody body) {
        return service.updateSettings(SettingsController.read(body.holder(),
                body.requestDueDays() == null ? null : body.requestDueDays().toString(), messages));
    }
}
