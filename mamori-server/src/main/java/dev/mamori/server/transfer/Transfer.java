package dev.mamori.server.transfer;

import dev.mamori.ledger.DesignatedCountries;
import dev.mamori.ledger.LegalPeriod;
import dev.mamori.ledger.LegalPeriods;
import dev.mamori.server.register.Context;
import dev.mamori.server.register.Derived;
import dev.mamori.server.register.Entry;
import dev.mamori.server.register.Listed;
import dev.mamori.server.register.Register;
import dev.mamori.server.register.Section;
import dev.mamori.server.register.Settings;
import dev.mamori.server.web.Country;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A provision of personal data to a third party in a foreign country (法28条, 規則15–18条): to whom, where, on which
 * basis — a designated country, a recipient with a 基準適合体制 (checked periodically, 規則18条), or the persons'
 * consent after they were given the three items of 規則17条.
 *
 * @param lastCheckedOn      the last periodic check of the recipient's measures and the country's laws (基準適合体制)
 * @param checkResult        what that check found (how the measures are carried out, problems, steps taken)
 * @param foreignLaws        laws of the country that could affect the measures, and their outline (規則18条3項5号)
 * @param consentOn          the day consent was obtained
 * @param infoCountrySystem  what the persons were told about the country's protection system (規則17条2項2号)
 * @param infoRecipientMeasures what they were told about the recipient's measures (17条2項3号)
 */
public record Transfer(
        @Listed @NotBlank @Size(max = 200) String recipientName,
        @Listed @NotBlank @Country String country,
        @Listed @NotNull Basis basis,
        Measures measures,
        @NotNull LocalDate startedOn,
        LocalDate endedOn,
        @NotBlank @Size(max = 2000) String dataItems,
        @Size(max = 2000) String purpose,
        @PositiveOrZero Long datasetId,
        @Section("check") LocalDate lastCheckedOn,
        @Size(max = 2000) String checkResult,
        @Size(max = 2000) String foreignLaws,
        @Section("consent") LocalDate consentOn,
        @Size(max = 2000) String infoCountrySystem,
        @Size(max = 2000) String infoRecipientMeasures,
        @Size(max = 2000) String note) implements Entry {

    public Transfer {
        country = country == null || country.isBlank() ? null : country.strip().toUpperCase(java.util.Locale.ROOT);
    }

    public static final Register<Transfer> REGISTER = Register.of("transfers", "transfer", Transfer.class);

    /** The basis of 法28条: a designated country (1項, 規則15条), a 基準適合体制 (規則16条), or consent (28条1項). */
    public enum Basis { DESIGNATED_COUNTRY, EQUIVALENT_MEASURES, CONSENT }

    /** How the 基準適合体制 is ensured (規則16条1号: contract or internal rules; 2号: an international framework, APEC CBPR). */
    public enum Measures { CONTRACT, INTRA_GROUP_RULES, CBPR }

    @Override
    public String title() {
        return recipientName + "（" + country + "）";
    }

    @Override
    public Derived derive(Settings settings) {
        boolean running = endedOn == null;
        List<Derived.Deadline> deadlines = new ArrayList<>();
        if (basis == Basis.EQUIVALENT_MEASURES && startedOn != null) {
            LegalPeriod p = LegalPeriods.get("transfer.periodic_check");
            LocalDate from = lastCheckedOn != null ? lastCheckedOn : startedOn;
            deadlines.add(new Derived.Deadline("periodic_check", p.lastDay(from), null, p.source()));
        }
        List<Derived.Fact> facts = new ArrayList<>();
        facts.add(new Derived.Fact("designated_country", DesignatedCountries.contains(country)));
        return new Derived(running, deadlines, null, facts);
    }

    @Override
    public List<Problem> check(Context c) {
        c.notFuture("startedOn", startedOn).notFuture("lastCheckedOn", lastCheckedOn).notFuture("consentOn", consentOn)
                .notFuture("endedOn", endedOn).notBefore("endedOn", endedOn, "startedOn", startedOn);
        if (basis == null) {
            return c.problems();
        }
        switch (basis) {
            case DESIGNATED_COUNTRY -> {
                if (country != null && !DesignatedCountries.contains(country)) {
                    c.problem("country", "not_designated", country);
                }
                c.absent("measures", measures);
            }
            case EQUIVALENT_MEASURES -> c.required("measures", measures);
            case CONSENT -> c.required("consentOn", consentOn).required("infoCountrySystem", infoCountrySystem)
                    .required("infoRecipientMeasures", infoRecipientMeasures).absent("measures", measures);
        }
        return c.problems();
    }
}
