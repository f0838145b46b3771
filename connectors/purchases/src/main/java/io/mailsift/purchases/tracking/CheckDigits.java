package io.mailsift.purchases.tracking;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The check-digit algorithms of the carrier data, as its CHECKSUM_ALGORITHMS.md defines them (the reference
 * implementation is the Ruby gem jkeen/tracking_number): {@code mod10} (weighted, not Luhn's digit sums),
 * {@code mod7}, {@code s10} (UPU), {@code sum_product_with_weightings_and_modulo}, {@code mod_37_36} (ISO 7064)
 * and {@code luhn}.
 */
final class CheckDigits {

    private CheckDigits() {
    }

    /** Whether {@code checkDigit} is the one the named algorithm computes for {@code serial}. */
    static boolean validates(String algorithm, Map<String, Object> params, String serial, String checkDigit) {
        return switch (algorithm) {
            case "mod10" -> mod10(serial, checkDigit, params);
            case "mod7" -> mod7(serial, checkDigit);
            case "s10" -> s10(serial, checkDigit);
            case "sum_product_with_weightings_and_modulo" -> sumProduct(serial, checkDigit, params);
            case "mod_37_36" -> mod3736(serial, checkDigit);
            case "luhn" -> luhn(serial, checkDigit);
            default -> throw new IllegalArgumentException("Unknown check-digit algorithm " + algorithm);
        };
    }

    private static boolean mod10(String serial, String checkDigit, Map<String, Object> params) {
        String chars = Boolean.TRUE.equals(params.get("reverse"))
                ? new StringBuilder(serial).reverse().toString() : serial;
        Integer odds = integer(params.get("odds_multiplier"));
        Integer evens = integer(params.get("evens_multiplier"));
        int total = 0;
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            // Letters count as (code point - 3) mod 10, as in UPS's 1Z numbers.
            int x = isDigit(c) ? c - '0' : (c - 3) % 10;
            if (odds != null && i % 2 == 1) {
                x *= odds;
            } else if (evens != null && i % 2 == 0) {
                x *= evens;
            }
            total += x;
        }
        int check = total % 10;
        return (check == 0 ? 0 : 10 - check) == digitValue(checkDigit);
    }

    private static boolean mod7(String serial, String checkDigit) {
        int remainder = 0;
        for (int i = 0; i < serial.length(); i++) {
            remainder = (remainder * 10 + digitValue(serial.substring(i, i + 1))) % 7;
        }
        return remainder == digitValue(checkDigit);
    }

    private static boolean s10(String serial, String checkDigit) {
        int[] weights = {8, 6, 4, 2, 3, 5, 9, 7};
        int total = 0;
        for (int i = 0; i < Math.min(serial.length(), weights.length); i++) {
            total += digitValue(serial.substring(i, i + 1)) * weights[i];
        }
        int remainder = total % 11;
        int check = switch (remainder) {
            case 1 -> 0;
            case 0 -> 5;
            default -> 11 - remainder;
        };
        return check == digitValue(checkDigit);
    }

    private static boolean sumProduct(String serial, String checkDigit, Map<String, Object> params) {
        List<?> weights = params.get("weightings") instanceof List<?> list ? list : List.of();
        int total = 0;
        for (int i = 0; i < Math.min(serial.length(), weights.size()); i++) {
            total += digitValue(serial.substring(i, i + 1)) * ((BigDecimal) weights.get(i)).intValueExact();
        }
        int modulo1 = required(params, "modulo1");
        int modulo2 = required(params, "modulo2");
        return total % modulo1 % modulo2 == digitValue(checkDigit);
    }

    private static boolean mod3736(String serial, String checkDigit) {
        int mod = 36;
        int cd = mod;
        for (int i = 0; i < serial.length(); i++) {
            char c = serial.charAt(i);
            int value = Character.isLetter(c) ? c - 'A' + 10 : digitValue(String.valueOf(c));
            cd = value + cd;
            if (cd > mod) {
                cd -= mod;
            }
            cd *= 2;
            if (cd > mod) {
                cd -= mod + 1;
            }
        }
        cd = mod + 1 - cd;
        if (cd == mod) {
            cd = 0;
        }
        String computed = cd >= 10 ? String.valueOf((char) ('A' + cd - 10)) : String.valueOf(cd);
        return computed.equals(checkDigit);
    }

    private static boolean luhn(String serial, String checkDigit) {
        int total = 0;
        for (int i = 0; i < serial.length(); i++) {
            int x = digitValue(serial.substring(serial.length() - 1 - i, serial.length() - i));
            if (i % 2 == 0) {
                x *= 2;
                if (x > 9) {
                    x -= 9;
                }
            }
            total += x;
        }
        int check = total % 10;
        return (check == 0 ? 0 : 10 - check) == digitValue(checkDigit);
    }

    /** A digit's value; anything else counts 0, as Ruby's {@code to_i} does in the reference implementation. */
    private static int digitValue(String s) {
        return s.length() == 1 && isDigit(s.charAt(0)) ? s.charAt(0) - '0' : 0;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static @Nullable Integer integer(@Nullable Object value) {
        return value instanceof BigDecimal number ? number.intValueExact() : null;
    }

    private static int required(Map<String, Object> params, String name) {
        Integer value = integer(params.get(name));
        if (value == null) {
            throw new IllegalArgumentException("Check digit parameter " + name + " is missing");
        }
        return value;
    }
}
