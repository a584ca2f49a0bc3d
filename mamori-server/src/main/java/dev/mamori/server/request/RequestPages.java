package dev.mamori.server.request;

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

/** 開示等の請求 in the browser. */
@Controller
@RequestMapping("/requests")
class RequestPages extends RegisterPages<SubjectRequest> {

    RequestPages(RegisterService service, ObjectMapper json, Display show, MessageSource messages) {
        super(SubjectRequest.REGISTER, service, json, show, messages);
    }

    @Bean
    static Register<SubjectRequest> requestRegister() {
        return SubjectRequest.REGISTER;
    }

    @Override
    protected Map<String, String> defaults() {
        return Map.of("received_on", service.today().toString(), "agent", "NONE", "status", "RECEIVED");
    }
}
