package io.mailsift.purchases;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.mailsift.connector.EmailHeaders;

/**
 * Who sold, from the sender: its display name without the words senders add for the department or the kind of mail
 * ("Uber Receipts", "Amazon.co.uk Dispatch", "Zalando Kundenservice" are Uber, Amazon, Zalando), else the brand
 * its domain gives ({@code mail.example-shop.de}: Example-shop).
 *
 * <p>Also what makes a sender an impostor: a display name naming a well-known brand that phishing borrows
 * (Amazon, Apple, PayPal, DHL, …) from a domain that is none of that brand's.
 */
final class MerchantName {

    /** Compiled once: {@code String.replaceAll} compiles its pattern on every call, for every mail. */
    private static final java.util.regex.Pattern QUOTES_AT_ENDS = java.util.regex.Pattern.compile("^[\"']|[\"']$");
    private static final java.util.regex.Pattern NOT_LETTERS_OR_DIGITS =
            java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final java.util.regex.Pattern NOT_A_LETTER_OR_DIGIT =
            java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]");

    /** Domain labels that say nothing about whose mail it is. */
    private static final Set<String> NOT_A_BRAND = Set.of("mail", "email", "e-mail", "news", "info", "noreply",
            "no-reply", "shop", "store", "orders", "order", "co", "com", "www", "em", "mg", "notifications", "service",
            "support", "customer", "reply", "mailer", "post", "messages", "m", "e", "t");
    /** Department and mail-kind words after (or before) the brand in a sender's name. */
    private static final Pattern ROLE_WORDS = Pattern.compile(
            "(?iU)(?:\\s*[-–|:,]?\\s*(?:receipts?|orders?|order\\s+confirmation|order\\s+updates?|shipping|shipment"
                    + "|dispatch|delivery|deliveries|notifications?|updates?|team|customer\\s+(?:service|care|support)"
                    + "|support|service\\s+client(?:s|èle)?|kundenservice|kundendienst|versand|bestellungen?"
                    + "|bestellservice|commandes?|no-?reply|ne\\s+pas\\s+r[ée]pondre|billing|payments?|invoices?"
                    + "|rechnungen?|factures?|info|news|newsletter|mail|e-mail|hello|hi|via\\s+.*))+$");
    private static final Pattern DOMAIN_SUFFIX = Pattern.compile(
            "(?i)\\.(?:com|co\\.uk|de|fr|co|net|org|uk|eu|at|ch|it|es|nl|be|ca|com\\.au)\\b");
    /** Brands phishing borrows, each with the domain labels that are really theirs. */
    private static final List<Brand> BORROWED = List.of(
            brand("amazon", "amazon", "amazonses", "primevideo"), brand("apple", "apple", "itunes", "icloud"),
            brand("paypal", "paypal"), brand("ebay", "ebay"), brand("netflix", "netflix"),
            brand("microsoft", "microsoft", "outlook", "live"), brand("google", "google", "youtube"),
            brand("dhl", "dhl", "deutschepost", "dhlparcel"), brand("ups", "ups"), brand("fedex", "fedex"),
            brand("usps", "usps"), brand("royal mail", "royalmail", "royalmailgroup", "parcelforce"),
            brand("la poste", "laposte", "colissimo"), brand("colissimo", "laposte", "colissimo"),
            brand("dpd", "dpd"), brand("hermes", "hermes", "myhermes"), brand("spotify", "spotify"),
            brand("uber", "uber"), brand("zalando", "zalando"), brand("otto", "otto"));

    private MerchantName() {
    }

    /** The merchant's name from the sender; empty when neither its name nor its domain gives one. */
    static String of(EmailHeaders headers) {
        String display = headers.fromName() == null ? "" : headers.fromName().strip();
        display = QUOTES_AT_ENDS.matcher(display).replaceAll("");
        String cleaned = ROLE_WORDS.matcher(display).replaceAll("").strip();
        cleaned = DOMAIN_SUFFIX.matcher(cleaned).replaceAll("").strip();
        if (!cleaned.isEmpty() && cleaned.chars().anyMatch(Character::isLetter) && !cleaned.contains("@")) {
            return cleaned;
        }
        return registrableLabel(headers.fromDomain()).map(MerchantName::capitalized).orElse("");
    }

    /** Whether the sender's name claims a brand phishing borrows while its domain is not that brand's. */
    static boolean impersonates(EmailHeaders headers) {
        String lower = (headers.fromName() == null ? "" : headers.fromName()).toLowerCase(Locale.ROOT);
        String name = " " + NOT_LETTERS_OR_DIGITS.matcher(lower).replaceAll(" ").strip() + " ";
        if (name.isBlank()) {
            return false;
        }
        String domainLabel = registrableLabel(headers.fromDomain()).map(MerchantName::compact).orElse("");
        for (Brand brand : BORROWED) {
            if (name.contains(" " + brand.name() + " ") && brand.domainLabels().stream().noneMatch(domainLabel::equals)) {
                return true;
            }
        }
        return false;
    }

    /** The label before the public suffix: {@code amazon} of {@code marketplace.amazon.co.uk}. */
    static Optional<String> registrableLabel(String domain) {
        String[] labels = domain.toLowerCase(Locale.ROOT).split("\\.");
        if (labels.length < 2) {
            return Optional.empty();
        }
        int index = labels.length - 2;
        if (index > 0 && labels[labels.length - 1].length() == 2
                && Set.of("co", "com", "org", "net", "ac", "gov").contains(labels[index])) {
            index--;
        }
        String label = labels[index];
        return NOT_A_BRAND.contains(label) || label.length() < 2 ? Optional.empty() : Optional.of(label);
    }

    private static String compact(String text) {
        return NOT_A_LETTER_OR_DIGIT.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("");
    }

    private static String capitalized(String label) {
        return Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }

    private static Brand brand(String name, String... domainLabels) {
        return new Brand(name, Set.of(domainLabels));
    }

    private record Brand(String name, Set<String> domainLabels) {
    }
}
