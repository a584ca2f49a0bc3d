package dev.mamori.server.provision;

import dev.mamori.server.register.Display;
import dev.mamori.server.register.RegisterApi;
import org.springframework.context.MessageSource;
import dev.mamori.server.register.RegisterService;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 提供記録・確認記録 over REST. */
@RestController
@RequestMapping("/api/provisions")
class ProvisionApi extends RegisterApi<ProvisionRecord> {

    ProvisionApi(RegisterService service, Display show, MessageSource messages) {
        super(ProvisionRecord.REGISTER, service, show, messages);
    }

    /** Deletes the records whose keeping period is over (as the nightly purge does); answers how many. */
    @PostMapping("/purge")
    Map<String, Integer> purge() {
        return Map.of("deleted", service.purgeExpired(register));
    }
}
