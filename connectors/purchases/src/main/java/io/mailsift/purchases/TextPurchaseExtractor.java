package io.mailsift.purchases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mailsift.connector.Email;
import io.mailsift.connector.EmailHeaders;
import io.mailsift.connector.Finding;
import io.mailsift.connector.FindingKey;
import io.mailsift.purchases.money.CurrencyHint;
import io.mailsift.purchases.money.Money;
import io.mailsift.purchases.money.MoneyMatch;
import io.mailsift.purchases.money.MoneyParser;
import io.mailsift.purchases.tracking.TrackingNumber;
import io.mailsift.purchases.tracking.TrackingNumbers;

/**
 * Orders of mails without schema.org markup, read from labels in their text (English, German, French). Built for
 * precision: an order needs both an order-number label with a number and a total label with an amount (a newsletter
 * full of prices has no order number, a fake invoice no order number either). Its key is the one the markup path
 * gives the same order ({@link PurchaseExtractor}), so a later mail with markup, or without, updates the same finding.
 *
 * <p>A check-digit-verified tracking number makes the mail's shipping words (shipped, out for delivery, delivered)
 * the order's status. Parcels of their own are not given yet: measured on the purchase corpus, the carrier named by
 * the number's data (the national post of an S10 number, say) was not always the one the mail names, and a
 * mail's delivery words not always its parcel's status (docs/benchmarks.md, issue 6).
 */
final class TextPurchaseExtractor {

    private static final String SCHEMA = "https://schema.org/";

    /** An order-number label and the number after it: letters, digits and inner hyphens, at least one digit. */
    private static final Pattern ORDER_NUMBER = Pattern.compile(
            "(?iU)(?<![\\p{L}])(?:order\\s*(?:number|no\\.?|nr\\.?|id|#)|order\\s+reference|bestell(?:ungs)?(?:nummer|nr\\.?)"
                    + "|auftragsnummer|auftrags-nr\\.?|num[ée]ro\\s+de\\s+commande|n[°º]\\s*de\\s+commande"
                    + "|r[ée]f[ée]rence\\s+de\\s+(?:la\\s+)?commande|commande\\s+(?:n[°º]|#))"
                    + "(?![\\p{L}])[\\s:#.\\t]*(?<number>(?-i:[A-Z0-9](?:[A-Z0-9]|-(?=[A-Z0-9])){3,39}))(?![\\p{L}\\p{N}])");
    /** A line that begins with a total label; what follows may name taxes, but no other words before the amount. */
    private static final Pattern TOTAL = Pattern.compile(
            "(?iU)^(?:order\\s+total|grand\\s+total|total\\s+amount|total\\s+ttc|montant\\s+total(?:\\s+ttc)?"
                    + "|total\\s+(?:[àa]\\s+)?payer|gesamtbetrag|gesamtsumme|endbetrag|summe|total)"
                    + "(?<rest>[\\s:.\\t]*(?:\\([^)\\n]{0,40}\\)|(?:incl|inkl|including|inklusive|ttc)\\.?[^:\\d\\n€$£]{0,25})?"
                    + "[\\s:\\t]*(?<amount>.*))$", Pattern.MULTILINE);
    private static final Pattern OUT_FOR_DELIVERY = Pattern.compile(
            "(?iU)\\bout\\s+for\\s+delivery\\b|\\bin\\s+zustellung\\b|\\bwird\\s+heute\\s+zugestellt\\b"
                    + "|\\ben\\s+cours\\s+de\\s+livraison\\b");
    private static final Pattern DELIVERED = Pattern.compile(
            "(?iU)\\b(?:has\\s+been|was|been|is)\\s+delivered\\b|\\bdelivered\\s*[:!.]|^delivered\\b"
                    + "|\\b(?:wurde|ist)\\s+zugestellt\\b|^zugestellt\\b"
                    + "|\\b(?:a\\s+été|est)\\s+livrée?s?\\b|\\blivrée?s?\\s*[:!.]",
            Pattern.MULTILINE);
    private static final Pattern SHIPPED = Pattern.compile(
            "(?iU)\\b(?:shipped|dispatched|versandt|verschickt|exp[ée]di[ée]e?s?)\\b");
    private static final Pattern CANCELLED = Pattern.compile(
            "(?iU)\\b(?:cancell?ed|cancellation|storniert|stornierung|annul[ée]e?s?|annulation)\\b");
    private static final Pattern RETURNED = Pattern.compile(
            "(?iU)\\b(?:refund(?:ed)?|returned|r[üu]ckerstattung|erstattet|rembours[ée]e?s?|remboursement)\\b");

    /** Domain labels that say nothing about whose mail it is. */
    private static final Set<String> NOT_A_BRAND = Set.of("mail", "email", "e-mail", "news", "info", "noreply",
            "no-reply", "shop", "store", "orders", "order", "co", "com", "www");

    List<Finding> extract(Email email) {
        String text = email.textBody().filter(body -> !body.isBlank())
                .or(() -> email.htmlBody().map(MailText::ofHtml)).orElse("");
        if (text.isBlank()) {
            return List.of();
        }
        EmailHeaders headers = email.headers();
        Optional<String> orderNumber = orderNumber(text);
        String merchant = merchantName(headers);
        List<Finding> findings = new ArrayList<>();
        Optional<String> deliveryStatus = deliveryStatus(headers.subject(), text);
        Optional<Money> total = orderNumber.isPresent() ? total(text, headers) : Optional.empty();
        List<TrackingNumber> trackingNumbers = trackingNumbers(text, headers);
        if (orderNumber.isPresent() && total.isPresent() && !merchant.isEmpty()) {
            Map<String, Object> order = new LinkedHashMap<>();
            order.put("@type", PurchaseExtractor.ORDER);
            order.put("orderNumber", orderNumber.get());
            order.put("merchant", organization(merchant));
            order.put("seller", organization(merchant));
            order.putAll(total.get().toSchemaOrg());
            // A confirmation promises to say when things "have shipped": only a parcel makes the words its status.
            Optional<String> parcelStatus = trackingNumbers.isEmpty() ? Optional.empty() : deliveryStatus;
            order.put("orderStatus", SCHEMA + orderStatus(headers.subject(), parcelStatus));
            String key = FindingKey.of(PurchaseExtractor.ORDER, OrganizationName.normalize(merchant),
                    orderNumber.get());
            findings.add(new Finding(PurchaseExtractor.ORDER, key, order));
        }
        return findings;
    }

    /** The number after the first order-number label; none when labels give two different numbers. */
    static Optional<String> orderNumber(String text) {
        Matcher matcher = ORDER_NUMBER.matcher(text);
        String found = null;
        while (matcher.find()) {
            String number = matcher.group("number");
            if (number.chars().noneMatch(Character::isDigit)) {
                continue;
            }
            if (found == null) {
                found = number;
            } else if (!found.equals(number)) {
                return Optional.empty(); // a digest of several orders: which total is whose is anyone's guess
            }
        }
        return Optional.ofNullable(found);
    }

    /** The amount of the last total line: totals come after subtotals, shipping and taxes. */
    static Optional<Money> total(String text, EmailHeaders headers) {
        CurrencyHint hint = CurrencyHint.senderDomain(headers.fromDomain());
        Matcher matcher = TOTAL.matcher(text);
        Money found = null;
        while (matcher.find()) {
            String amount = matcher.group("amount").strip();
            List<MoneyMatch> amounts = MoneyParser.find(amount, hint);
            if (!amounts.isEmpty() && amounts.getFirst().start() == 0 && !amounts.getFirst().money().isNegative()) {
                found = amounts.getFirst().money();
            }
        }
        return Optional.ofNullable(found);
    }

    private static List<TrackingNumber> trackingNumbers(String text, EmailHeaders headers) {
        List<String> carriers = headers.from() == null ? List.of()
                : TrackingNumbers.carrierOfSender(headers.from()).stream().toList();
        return TrackingNumbers.find(text, carriers).stream().filter(TrackingNumber::checkDigitVerified).toList();
    }

    /** The subject says it best; the body only when the subject says nothing, and then "shipped" outranks "delivered". */
    private static Optional<String> deliveryStatus(String subject, String text) {
        if (OUT_FOR_DELIVERY.matcher(subject).find()) {
            return Optional.of("OrderOutForDelivery");
        }
        if (DELIVERED.matcher(subject).find()) {
            return Optional.of("OrderDelivered");
        }
        if (SHIPPED.matcher(subject).find()) {
            return Optional.of("OrderInTransit");
        }
        if (OUT_FOR_DELIVERY.matcher(text).find()) {
            return Optional.of("OrderOutForDelivery");
        }
        if (SHIPPED.matcher(text).find()) {
            return Optional.of("OrderInTransit");
        }
        if (DELIVERED.matcher(text).find()) {
            return Optional.of("OrderDelivered");
        }
        return Optional.empty();
    }

    /** Cancellations and refunds are read from the subject only: every confirmation's footer explains refunds. */
    private static String orderStatus(String subject, Optional<String> deliveryStatus) {
        if (CANCELLED.matcher(subject).find()) {
            return "OrderCancelled";
        }
        if (RETURNED.matcher(subject).find()) {
            return "OrderReturned";
        }
        return deliveryStatus.orElse("OrderProcessing");
    }

    /** The sender's display name, or else the brand its domain gives ({@code mail.example-shop.de}: example-shop). */
    static String merchantName(EmailHeaders headers) {
        if (headers.fromName() != null && !headers.fromName().isBlank()) {
            return headers.fromName().strip();
        }
        String[] labels = headers.fromDomain().split("\\.");
        for (int i = labels.length - 2; i >= 0; i--) {
            if (!NOT_A_BRAND.contains(labels[i]) && labels[i].length() > 1) {
                return labels[i];
            }
        }
        return "";
    }

    private static Map<String, Object> organization(String name) {
        Map<String, Object> organization = new LinkedHashMap<>();
        organization.put("@type", "Organization");
        organization.put("name", name);
        return organization;
    }
}
