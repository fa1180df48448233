package io.agentcalls.common;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;

/**
 * Phone numbers in E.164, through libphonenumber. Numbers without a country code are read as Indian,
 * so a 10-digit mobile becomes {@code +91…}.
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final String DEFAULT_REGION = "IN";
    private static final int DEFAULT_COUNTRY_CODE = 91;
    private static final String DEFAULT_COUNTRY_PREFIX = "+91";
    private static final int NATIONAL_LENGTH = 10;

    private PhoneNumbers() {}

    /** The E.164 form of a valid number, or empty when it is not a valid phone number. */
    public static Optional<String> toE164(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > 32) {
            return Optional.empty();
        }
        try {
            String trimmed = raw.trim();
            PhoneNumber parsed = commonIndianShape(trimmed);
            if (parsed == null) {
                parsed = UTIL.parse(trimmed, DEFAULT_REGION);
            }
            if (!UTIL.isValidNumber(parsed)) {
                return Optional.empty();
            }
            return Optional.of(UTIL.format(parsed, PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The number when it is written the way nearly every Indian list writes it: ten digits not
     * starting with 0, bare or after +91. libphonenumber's parse reads these shapes as exactly this
     * number but spends most of a million-row import in the regular expressions that recognise all
     * the other shapes; whether the number is valid is still libphonenumber's call.
     */
    private static PhoneNumber commonIndianShape(String number) {
        int start = number.startsWith(DEFAULT_COUNTRY_PREFIX) ? DEFAULT_COUNTRY_PREFIX.length() : 0;
        if (number.length() - start != NATIONAL_LENGTH || number.charAt(start) == '0') {
            return null;
        }
        for (int i = start; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        return new PhoneNumber()
                .setCountryCode(DEFAULT_COUNTRY_CODE)
                .setNationalNumber(Long.parseLong(number, start, number.length(), 10));
    }

    /** For logs: keeps the country code and last two digits only. */
    public static String mask(String phone) {
        if (phone == null || phone.length() < 6) {
            return "***";
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 5) + phone.substring(phone.length() - 2);
    }
}
