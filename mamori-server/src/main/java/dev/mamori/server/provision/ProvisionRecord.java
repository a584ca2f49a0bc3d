package dev.mamori.server.provision;

import dev.mamori.ledger.ProvisionRecords;
import dev.mamori.server.register.Context;
import dev.mamori.server.register.Derived;
import dev.mamori.server.register.Entry;
import dev.mamori.server.register.Listed;
import dev.mamori.server.register.Register;
import dev.mamori.server.register.Section;
import dev.mamori.server.register.Settings;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A record of providing personal data to a third party (法29条, 規則19–21条) or of receiving it from one (法30条,
 * 規則22–25条): the items 規則20条 / 24条 require for its basis, how the record was made, and so how long it is kept.
 *
 * @param direction                 provided to, or received from, a third party
 * @param basis                     the basis of the provision (opt-out 27条2項, consent 27条1項 / 28条1項, 個人関連情報
 *                                  31条, or from a person who is not a business)
 * @param form                      one record per provision, one for a continuous or repeated provision, or a
 *                                  contract used as the record (規則19条 / 23条)
 * @param madeOn                    the day the record was made
 * @param eventOn                   the day of the provision or receipt (required for opt-out: 規則20条1項1号イ, 24条1項1号イ)
 * @param lastEventOn               the last provision or receipt a batch record or contract covers (the base date of its keeping)
 * @param counterpartyName          the recipient (provided) or provider (received)
 * @param counterpartyAddress       its address
 * @param counterpartyRepresentative its representative, for a corporation
 * @param unspecifiedMany           provided to an unspecified many (規則20条1項1号ロ, opt-out)
 * @param providerAcquisition       how the provider acquired the data (法30条1項2号)
 * @param acquisitionCheck          how that was checked (規則22条: the provider's statement, a contract or other document)
 * @param personIdentification      what identifies the persons (氏名 or another way to tell who they are)
 * @param dataItems                 the items of personal data
 * @param persons                   how many persons the record covers, when known
 * @param consentObtained           the persons' consent was obtained (規則20条1項2号, 24条1項2号)
 * @param ppcPublicationChecked     the PPC published the provider's opt-out filing (規則24条1項1号ニ)
 * @param foreignInfoProvided       for 個人関連情報 going abroad: the persons were given the information of 規則17条
 * @param datasetId                 the dataset of the 個人データ台帳 the data comes from or goes into
 */
public record ProvisionRecord(
        @Listed @NotNull Direction direction,
        @Listed @NotNull Basis basis,
        @NotNull Form form,
        @Listed @NotNull LocalDate madeOn,
        @Listed LocalDate eventOn,
        LocalDate lastEventOn,
        @Section("counterparty") @Size(max = 200) String counterpartyName,
        @Size(max = 400) String counterpartyAddress,
        @Size(max = 200) String counterpartyRepresentative,
        boolean unspecifiedMany,
        @Size(max = 2000) String providerAcquisition,
        @Size(max = 200) String acquisitionCheck,
        @Section("data") @Size(max = 2000) String personIdentification,
        @Size(max = 2000) String dataItems,
        @PositiveOrZero Long persons,
        boolean consentObtained,
        boolean ppcPublicationChecked,
        boolean foreignInfoProvided,
        @PositiveOrZero Long datasetId,
        @Size(max = 2000) String note) implements Entry {

    public static final Register<ProvisionRecord> REGISTER = Register.of("provisions", "provision", ProvisionRecord.class);

    public enum Direction { PROVIDED, RECEIVED }

    public enum Basis { OPT_OUT, CONSENT, RELATED_INFO, NON_BUSINESS }

    /** How the record was made: the three cases of 規則21条 / 25条. */
    public enum Form {
        EACH(ProvisionRecords.Kind.EACH), BATCH(ProvisionRecords.Kind.BATCH), CONTRACT(ProvisionRecords.Kind.CONTRACT);

        final ProvisionRecords.Kind kind;

        Form(ProvisionRecords.Kind kind) {
            this.kind = kind;
        }
    }

    @Override
    public String title() {
        String who = unspecifiedMany ? "不特定多数" : counterpartyName == null ? "—" : counterpartyName;
        return (direction == Direction.RECEIVED ? "← " : "→ ") + who + " " + (eventOn != null ? eventOn : madeOn);
    }

    @Override
    public Derived derive(Settings settings) {
        LocalDate keep = madeOn == null || form == null || form != Form.EACH && lastEventOn == null ? null
                : ProvisionRecords.keepUntil(form.kind, madeOn, lastEventOn);
        List<Derived.Fact> facts = new ArrayList<>();
        if (form != null) {
            facts.add(new Derived.Fact("retention_rule", form.kind.period().source()));
        }
        return new Derived(false, List.of(), keep, facts);
    }

    /** The items 規則20条 (provided) and 24条 (received) require for the basis, and the forms 規則19条 / 23条 allow. */
    @Override
    public List<Problem> check(Context c) {
        c.notFuture("madeOn", madeOn).notFuture("eventOn", eventOn).notFuture("lastEventOn", lastEventOn);
        if (direction == null || basis == null || form == null) {
            return c.problems();
        }
        c.required("personIdentification", personIdentification).required("dataItems", dataItems);
        if (form != Form.EACH) {
            c.required("lastEventOn", lastEventOn);
        }
        if (direction == Direction.PROVIDED) {
            if (basis == Basis.RELATED_INFO || basis == Basis.NON_BUSINESS) {
                c.problem("basis", "basis_received_only");
            }
            if (basis == Basis.OPT_OUT) {
                c.required("eventOn", eventOn);
                if (form == Form.BATCH) {
                    c.problem("form", "no_batch_for_opt_out");
                }
            } else {
                c.absent("unspecifiedMany", unspecifiedMany);
            }
            if (!unspecifiedMany) {
                c.required("counterpartyName", counterpartyName);
            }
            c.absent("providerAcquisition", providerAcquisition).absent("ppcPublicationChecked", ppcPublicationChecked);
        } else {
            c.absent("unspecifiedMany", unspecifiedMany).required("counterpartyName", counterpartyName);
            if (basis != Basis.RELATED_INFO) {
                c.required("counterpartyAddress", counterpartyAddress).required("providerAcquisition", providerAcquisition);
            }
            if (basis == Basis.OPT_OUT) {
                c.required("eventOn", eventOn);
                if (!ppcPublicationChecked) {
                    c.problem("ppcPublicationChecked", "must_be_checked");
                }
            } else {
                c.absent("ppcPublicationChecked", ppcPublicationChecked);
            }
        }
        if ((basis == Basis.CONSENT || basis == Basis.RELATED_INFO) && !consentObtained) {
            c.problem("consentObtained", "must_be_checked");
        }
        if (basis != Basis.RELATED_INFO) {
            c.absent("foreignInfoProvided", foreignInfoProvided);
        }
        return c.problems();
    }
}
