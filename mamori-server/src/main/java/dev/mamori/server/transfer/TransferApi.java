package dev.mamori.server.transfer;

import dev.mamori.server.register.Display;
import dev.mamori.server.register.RegisterApi;
import org.springframework.context.MessageSource;
import dev.mamori.server.register.RegisterService;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 外国にある第三者への提供 over REST. */
@RestController
@RequestMapping("/api/transfers")
class TransferApi extends RegisterApi<Transfer> {

    TransferApi(RegisterService service, Display show, MessageSource messages) {
        super(Transfer.REGISTER, service, show, messages);
    }
}
