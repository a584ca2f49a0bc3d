package dev.mamori.server.request;

import dev.mamori.server.register.Display;
import dev.mamori.server.register.RegisterApi;
import org.springframework.context.MessageSource;
import dev.mamori.server.register.RegisterService;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 開示等の請求 over REST. */
@RestController
@RequestMapping("/api/requests")
class RequestApi extends RegisterApi<SubjectRequest> {

    RequestApi(RegisterService service, Display show, MessageSource messages) {
        super(SubjectRequest.REGISTER, service, show, messages);
    }
}
