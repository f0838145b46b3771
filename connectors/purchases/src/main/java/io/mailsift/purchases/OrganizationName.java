package io.mailsift.purchases;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A shop's or carrier's name reduced to what stays the same across its mails: {@code "Amazon.com, Inc."},
 * {@code "amazon.com"} and {@code "Amazon"} all become {@code amazon}, so that the order they name keeps one key.
 */
final class OrganizationName {

    /** Legal forms and web decorations that senders add or leave out at will. */
    private static final Set<String> DECORATIONS = Set.of(
            "inc", "incorporated", "llc", "ltd", "limited", "plc", "corp", "corporation", "co", "company",
            "gmbh", "mbh", "ag", "kg", "ohg", "ug", "se", "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "ab", "as",
            "oy", "com", "net", "org", "shop", "store", "online");

    private OrganizationName() {
    }

    private static final Pattern NOT_LETTERS_OR_DIGITS = Pattern.compile("[^\\p{L}\\p{N}]+");

    static String normalize(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>(Arrays.asList(NOT_LETTERS_OR_DIGITS.split(folded)));
        words.removeIf(String::isEmpty);
        if (!words.isEmpty() && (words.getFirst().equals("www") || words.getFirst().equals("the"))) {
            words.removeFirst();
        }
        // Only trailing decorations go, and never the last word: a shop called "The Store" stays "store".
        while (words.size() > 1 && DECORATIONS.contains(words.getLast())) {
            words.removeLast();
        }
        return String.join("", words);
    }
}
