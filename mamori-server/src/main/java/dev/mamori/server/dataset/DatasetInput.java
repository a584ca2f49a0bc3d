package dev.mamori.server.dataset;

import dev.mamori.server.web.Country;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.LocalDate;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** What a person (form) or a program (REST) gives to create or change a dataset; checked field by field. */
public record DatasetInput(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 4000) String purpose,
        @PositiveOrZero Long persons,
        @PositiveOrZero Long handlers,
        @Size(max = 200) String systemName,
        @Size(max = 200) String location,
        @Size(max = 200) String cloudProvider,
        @Country String cloudCountry,
        @Size(max = 2000) String retention,
        @PastOrPresent LocalDate piaPublishedOn,
        @Size(max = 500) String piaReference,
        @Valid @Size(max = 500) List<DataItem> items,
        @Valid @Size(max = 100) List<Contractor> contractors,
        Integer version) {

    public DatasetInput {
        items = items == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(items));
        contractors = contractors == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(contractors));
        cloudCountry = cloudCountry == null || cloudCountry.isBlank() ? null : cloudCountry.strip().toUpperCase(Locale.ROOT);
    }

    /** The dataset's current values, for the edit page. */
    public static DatasetInput of(Dataset d) {
        return new DatasetInput(d.name(), d.purpose(), d.persons(), d.handlers(), d.systemName(), d.location(), d.cloudProvider(),
                d.cloudCountry(), d.retention(), d.piaPublishedOn(), d.piaReference(), d.items(), d.contractors(),
                d.version());
    }
}
