package dev.mamori.server.dashboard;

import dev.mamori.server.web.ApiErrors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The dashboard as JSON: what is due and overdue, open counts, records to purge, open incidents, band changes. */
@RestController
@ApiErrors.Api
class DashboardApi {

    private final Dashboard dashboard;

    DashboardApi(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/api/dashboard")
    Dashboard.Summary get() {
        return dashboard.summary();
    }
}
