package dev.mamori.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The countries designated under 法28条1項: the EEA (EU 27, Iceland, Liechtenstein, Norway) and the United Kingdom. */
class DesignatedCountriesTest {

    @Test
    void theEeaAndTheUkAreDesignatedAndNoOneElse() {
        assertThat(DesignatedCountries.all()).hasSize(31).contains("DE", "FR", "IE", "IS", "LI", "NO", "GB");
        assertThat(DesignatedCountries.contains("gb ")).isTrue();
        assertThat(DesignatedCountries.contains("US")).isFalse();
        assertThat(DesignatedCountries.contains("CH")).isFalse();
        assertThat(DesignatedCountries.contains("JP")).isFalse();
        assertThat(DesignatedCountries.contains(null)).isFalse();
    }
}
