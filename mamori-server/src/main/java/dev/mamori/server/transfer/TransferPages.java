package dev.mamori.server.transfer;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.server.register.Display;
import dev.mamori.server.register.Register;
import dev.mamori.server.register.RegisterPages;
import dev.mamori.server.register.RegisterService;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/** 外国にある第三者への提供 in the browser; the periodic checks due are on the dashboard and in the list sorted by due day. */
@Controller
@RequestMapping("/transfers")
class TransferPages extends RegisterPages<Transfer> {

    TransferPages(RegisterService service, ObjectMapper json, Display show, MessageSource messages) {
        super(Transfer.REGISTER, service, json, show, messages);
    }

    @Bean
    static Register<Transfer> transferRegister() {
        return Transfer.REGISTER;
    }

    @Override
    protected Map<String, String> defaults() {
        return Map.of("started_on", service.today().toString());
    }
}
