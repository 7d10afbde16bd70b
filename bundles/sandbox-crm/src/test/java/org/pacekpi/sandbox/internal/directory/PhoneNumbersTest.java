package org.pacekpi.sandbox.internal.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneNumbersTest {

    @ParameterizedTest
    @CsvSource({ "'+49 30 5550-1001', 493055501001", "'0049 (30) 55501001', 493055501001",
            "'030 5550 1001', 3055501001", "'1001', 1001", "'+1 212 555 2105', 12125552105" })
    void normalizesToTheSignificantDigits(String phone, String expected) {
        assertThat(PhoneNumbers.normalize(phone)).isEqualTo(expected);
    }

    @Test
    void noDigitsIsNoNumber() {
        assertThat(PhoneNumbers.normalize("call me")).isNull();
        assertThat(PhoneNumbers.normalize(null)).isNull();
    }

    @Test
    void aNationalNumberMatchesItsInternationalForm() {
        assertThat(PhoneNumbers.same("030 5550 1001", "+49 30 5550 1001")).isTrue();
        assertThat(PhoneNumbers.same("+49 30 5550 1001", "+49 30 5550 1002")).isFalse();
        assertThat(PhoneNumbers.same("1001", "+49 30 5550 1001")).as("too short to be a number of its own").isFalse();
    }
}
