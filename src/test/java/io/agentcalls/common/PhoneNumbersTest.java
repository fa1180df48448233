package io.agentcalls.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    @Test
    void normalisesIndianMobilesAndForeignNumbersToE164() {
        assertThat(PhoneNumbers.toE164("9812345678")).contains("+919812345678");
        assertThat(PhoneNumbers.toE164(" +91 98123 45678 ")).contains("+919812345678");
        assertThat(PhoneNumbers.toE164("09812345678")).contains("+919812345678");
        assertThat(PhoneNumbers.toE164("+14155550123")).contains("+14155550123");
        assertThat(PhoneNumbers.toE164("12345")).isEmpty();
        assertThat(PhoneNumbers.toE164("")).isEmpty();
        assertThat(PhoneNumbers.toE164(null)).isEmpty();
    }

    /** Guards the shortcut for ten-digit numbers: it must answer exactly as libphonenumber's parse. */
    @Test
    void theTenDigitShortcutAgreesWithLibphonenumberEverywhere() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 50_000; i++) {
            String digits = String.valueOf(1_000_000_000L + random.nextLong(9_000_000_000L));
            for (String number : new String[] {digits, "+91" + digits}) {
                assertThat(PhoneNumbers.toE164(number)).as(number).isEqualTo(reference(number));
            }
        }
    }

    private static Optional<String> reference(String number) {
        try {
            var parsed = UTIL.parse(number, "IN");
            return UTIL.isValidNumber(parsed)
                    ? Optional.of(UTIL.format(parsed, PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
