package dev.mamori.server.dataset;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A 委託先 that handles the dataset for the organisation, and the last check of its supervision (法25条: the
 * necessary and appropriate supervision of an outsourcee): when, how, and what it found.
 *
 * @param task      what is outsourced (委託する業務)
 * @param checkedOn the last supervision check
 * @param method    how it was checked (on-site audit, questionnaire, report, …)
 * @param result    what the check found
 */
public record Contractor(@NotBlank @Size(max = 200) String name, @Size(max = 200) String task, @PastOrPresent LocalDate checkedOn,
                         @Size(max = 200) String method, @Size(max = 2000) String result) {
}
