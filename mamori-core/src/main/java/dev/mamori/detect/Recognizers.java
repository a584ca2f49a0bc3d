package dev.mamori.detect;

import static dev.mamori.detect.PiiType.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The registry of recognizers, each with the types it reports, so a detector builds only those it
 * needs: Kuromoji's dictionary loads only when a name or address is asked for.
 */
final class Recognizers {

    private record Entry(Set<PiiType> types, Supplier<Recognizer> factory) {
    }

    private static final List<Entry> ENTRIES = List.of(
            new Entry(EnumSet.of(POSTAL_CODE, PHONE, EMAIL, DATE_OF_BIRTH, MY_NUMBER, CORPORATE_NUMBER, DRIVERS_LICENSE,
                    PASSPORT, PENSION_NUMBER, RESIDENCE_CARD, RESIDENT_RECORD_CODE, HEALTH_INSURANCE, CREDIT_CARD,
                    BANK_ACCOUNT), Shared::identifiers),
            new Entry(EnumSet.of(PERSON), Shared::names),
            new Entry(EnumSet.of(ADDRESS), Shared::addresses),
            new Entry(EnumSet.of(SENSITIVE_HEALTH, SENSITIVE_CRIME, SENSITIVE_CREED, SENSITIVE_OTHER), Shared::sensitive),
            new Entry(EnumSet.of(LOCATION), Shared::locations),
            new Entry(EnumSet.of(PERSON, DATE_OF_BIRTH, HEALTH_INSURANCE), Shared::records));

    private Recognizers() {
    }

    /** The recognizers needed for {@code types}, in a fixed order. */
    static List<Recognizer> forTypes(Set<PiiType> types) {
        List<Recognizer> out = new ArrayList<>();
        for (Entry e : ENTRIES) {
            if (!Collections.disjoint(e.types, types)) {
                out.add(e.factory.get());
            }
        }
        return out;
    }

    /** One instance of each recognizer per JVM, built on first use (holder idiom, thread-safe). */
    private static final class Shared {
        static Recognizer identifiers() {
            return Ids.I;
        }

        static Recognizer names() {
            return Names.I;
        }

        static Recognizer addresses() {
            return Addresses.I;
        }

        static Recognizer sensitive() {
            return Sensitive.I;
        }

        static Recognizer locations() {
            return Locations.I;
        }

        static Recognizer records() {
            return Records.I;
        }

        private static final class Records {
            static final Recognizer I = new MedicalRecords();
        }

        private static final class Locations {
            static final Recognizer I = new LocationRecognizer();
        }

        private static final class Ids {
            static final Recognizer I = new IdentifierRecognizer();
        }

        private static final class Names {
            static final Recognizer I = new NameRecognizer();
        }

        private static final class Addresses {
            static final Recognizer I = new AddressRecognizer();
        }

        private static final class Sensitive {
            static final Recognizer I = new SensitiveRecognizer();
        }
    }
}
