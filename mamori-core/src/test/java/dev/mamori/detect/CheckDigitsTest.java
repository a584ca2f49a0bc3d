package dev.mamori.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CheckDigitsTest {

    private static boolean my(String s) {
        return CheckDigits.myNumber(CheckDigits.digits(s), 0);
    }

    private static boolean corp(String s) {
        return CheckDigits.corporateNumber(CheckDigits.digits(s), 0);
    }

    private static String offByOne(String s, int pos) {
        char c = s.charAt(pos);
        return s.substring(0, pos) + (char) (c == '9' ? '8' : c + 1) + s.substring(pos + 1);
    }

    // Vectors computed by hand from 総務省令85号5条 (983205673214 is also the example in public write-ups).
    @ParameterizedTest
    @ValueSource(strings = {"123456789018", "983205673214", "000000000019", "111111111118", "202304011230"})
    void validMyNumbers(String s) {
        assertThat(my(s)).isTrue();
        assertThat(my(offByOne(s, 11))).isFalse();
        assertThat(my(offByOne(s, 3))).isFalse();
    }

    @Test
    void myNumberRemainderZeroOrOneGivesZero() {
        // 00000000001: sum = 1*2 = 2 → 11-2 = 9; 11111111111: sum = 2+3+4+5+6+7+2+3+4+5+6 = 47, 47 mod 11 = 3 → 8
        assertThat(CheckDigits.myNumberCheck(CheckDigits.digits("000000000000"), 0)).isZero();
        assertThat(CheckDigits.myNumberCheck(CheckDigits.digits("111111111110"), 0)).isEqualTo(8);
        assertThat(my("123456789012")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"7000012050002" /* 国税庁 */, "3010401006749", "7123456789012"})
    void validCorporateNumbers(String s) {
        assertThat(corp(s)).isTrue();
        assertThat(corp(offByOne(s, 0))).isFalse();
        assertThat(corp(offByOne(s, 12))).isFalse();
    }

    @Test
    void corporateCheckDigitIsTheFirstDigit() {
        // the My Number style (last digit) reading of 国税庁's number must not be what we check
        assertThat(CheckDigits.corporateCheck(CheckDigits.digits("000012050002"), 0)).isEqualTo(7);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111111111111111", "5555555555554444", "378282246310005", "3530111333300000", "33120015", "138057"})
    void luhn(String s) {
        byte[] d = CheckDigits.digits(s);
        assertThat(CheckDigits.luhn(d, 0, d.length)).isTrue();
        byte[] bad = CheckDigits.digits(offByOne(s, s.length() - 1));
        assertThat(CheckDigits.luhn(bad, 0, bad.length)).isFalse();
    }

    @Test
    void insurerNumberExampleFromTheSettingGuide() {
        // 33120015: 33 (法別) 12 (都道府県) 001 (保険者別) 5 (検証番号) = 6+3+2+2+0+0+2 = 15 → 10-5 = 5
        assertThat(CheckDigits.luhn(CheckDigits.digits("33120015"), 0, 8)).isTrue();
        assertThat(CheckDigits.luhn(CheckDigits.digits("33120014"), 0, 8)).isFalse();
    }

    @Test
    void driversLicencePracticeRule() {
        assertThat(CheckDigits.driversLicense(CheckDigits.digits("309212345690"), 0)).isTrue();
        assertThat(CheckDigits.driversLicense(CheckDigits.digits("309212345610"), 0)).isFalse();
    }
}
