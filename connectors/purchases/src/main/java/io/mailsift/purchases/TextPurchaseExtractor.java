package io.mailsift.purchases;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mailsift.connector.Email;
import io.mailsift.connector.EmailHeaders;
import io.mailsift.connector.Finding;
import io.mailsift.connector.FindingKey;
import io.mailsift.connector.JsonLd;
import io.mailsift.purchases.money.CurrencyHint;
import io.mailsift.purchases.money.Money;
import io.mailsift.purchases.money.MoneyMatch;
import io.mailsift.purchases.money.MoneyParser;
import io.mailsift.purchases.tracking.TrackingNumbers;
import org.jspecify.annotations.Nullable;

/**
 * Orders, receipts and parcels of mails without schema.org markup, read from labels in their text (English, German,
 * French). Built for precision: every finding needs labels that only a real order, receipt or shipment carries.
 *
 * <ul>
 *   <li>An <b>order</b> needs an order-number label with a number, and a total label with an amount, or a shipping,
 *       delivery, cancellation or refund word in the subject, or a verified parcel. A newsletter full of prices has
 *       no order number, a fake invoice no order number either.</li>
 *   <li>A <b>receipt</b> without order number (a ride, a meal, a subscription) needs a receipt word in the subject
 *       ("receipt", "Quittung", "reçu", "your trip", …), a total and one more of items, subtotal, tax or date; its
 *       key is the merchant, the date and the total, so a re-sent receipt updates the same finding.</li>
 *   <li>A <b>parcel</b> needs a tracking number whose check digit is right for a carrier the mail names (in its
 *       text, as sender, or as the host of a link), never a carrier the number's data guesses alone.</li>
 * </ul>
 * Nothing is read from a sender that calls itself a brand phishing borrows from a domain not that brand's, nor from
 * a mail that asks to verify an account or pay a fee, nor from an abandoned-cart reminder.
 *
 * <p>Fields: merchant ({@link MerchantName}), order number, order date (a date label's date), line items
 * ({@link LineItems}), subtotal, tax, shipping, discount and total ({@link SummaryLine}), all money exact in its ISO
 * 4217 currency; output as schema.org {@code Order} with {@code acceptedOffer} offers and a {@code priceSpecification}
 * list (see the README). A refund or cancellation gives the order's new status and the refund, never its items
 * (they would replace the order's own in the stored finding, see docs/connectors.md).
 *
 * <p>Its keys are those the markup path gives the same order and parcel ({@link PurchaseExtractor}), so a later mail
 * with markup, or without, updates the same finding. Stateless and thread-safe.
 */
final class TextPurchaseExtractor {

    private static final String SCHEMA = "https://schema.org/";

    /** An order-number label and the number after it: capitals, digits and inner hyphens, at least one digit. */
    static final Pattern ORDER_NUMBER = Pattern.compile(
            "(?iU)(?<![\\p{L}])(?:order\\s*(?:number|no\\.?|nr\\.?|id|#|:)|order\\s+ref(?:erence|\\.)?|purchase\\s+order"
                    + "|bestell(?:ungs)?(?:nummer|nr\\.?)|bestellung\\s+(?:nr\\.?|#|no\\.?)|auftragsnummer|auftrags-nr\\.?"
                    + "|num[ée]ro\\s+de\\s+(?:la\\s+)?commande|n[°º]\\s*de\\s+commande|n[°º]\\s*commande"
                    + "|r[ée]f[ée]rence\\s+de\\s+(?:la\\s+)?commande|commande\\s+(?:n[°º]|no\\.?|#|r[ée]f\\.?)"
                    + "|(?:your|votre|ihre|deine|dein|ihrer|deiner)\\s+(?:[\\p{L}.&'’]+\\s+){0,2}(?:order|commande|bestellung)"
                    + "|(?:for|from|of|in)\\s+order|(?:zu|aus)\\s+(?:der\\s+)?bestellung|(?:de|pour)\\s+la\\s+commande)"
                    + "(?![\\p{L}])[\\s:#.\\t]*(?<number>(?-i:[A-Z0-9](?:[A-Z0-9]|-(?=[A-Z0-9])){3,39}))(?![\\p{L}\\p{N}])");
    /** The labels of an order's or a receipt's date. */
    static final Pattern DATE_LABEL = Pattern.compile(
            "(?iU)(?<![\\p{L}])(?:order\\s+date|date\\s+ordered|ordered\\s+on|order\\s+placed(?:\\s+on)?|placed\\s+on"
                    + "|purchase\\s+date|date\\s+of\\s+purchase|invoice\\s+date|receipt\\s+date|billed\\s+on|date"
                    + "|bestelldatum|bestellt\\s+am|bestellung\\s+vom|auftragsdatum|rechnungsdatum|kaufdatum|datum"
                    + "|date\\s+de\\s+(?:la\\s+)?commande|command[ée]e?\\s+le|commande\\s+du|pass[ée]e\\s+le"
                    + "|date\\s+d['’]achat|date\\s+de\\s+facturation)(?![\\p{L}])");
    private static final Pattern OUT_FOR_DELIVERY = Pattern.compile(
            "(?iU)\\bout\\s+for\\s+delivery\\b|\\bin\\s+zustellung\\b|\\bwird\\s+heute\\s+zugestellt\\b"
                    + "|\\bheute\\s+zugestellt\\b|\\ben\\s+cours\\s+de\\s+livraison\\b|\\blivr[ée]e?\\s+aujourd['’]hui\\b"
                    + "|\\barriving\\s+today\\b|\\barrives\\s+today\\b|\\bkommt\\s+heute\\b|\\bwird\\s+heute\\s+geliefert\\b"
                    + "|\\bzustellung\\s+heute\\b|\\barrive\\s+aujourd['’]hui\\b|\\bsera\\s+livr[ée]e?\\s+aujourd['’]hui\\b");
    private static final Pattern DELIVERED = Pattern.compile(
            "(?iU)\\b(?:has\\s+been|have\\s+been|was|were|been|is)\\s+delivered\\b|\\bdelivered\\s*[:!.]|^delivered\\b"
                    + "|\\b(?:wurde|ist|wurden)\\s+zugestellt\\b|^zugestellt\\b|\\bzugestellt\\s*[:!.]"
                    + "|\\b(?:a\\s+été|ont\\s+été|est)\\s+livr[ée]e?s?\\b|\\blivr[ée]e?s?\\s*[:!.]|^livr[ée]"
                    + "|\\bremis\\s+au\\s+destinataire\\b|\\ban\\s+den\\s+empf[äa]nger\\s+[üu]bergeben\\b"
                    + "|\\bhanded\\s+to\\s+the\\s+(?:recipient|resident)\\b",
            Pattern.MULTILINE);
    private static final Pattern SHIPPED = Pattern.compile(
            "(?iU)\\b(?:shipped|dispatched|on\\s+its\\s+way|on\\s+the\\s+way|in\\s+transit|versandt|verschickt"
                    + "|unterwegs|auf\\s+dem\\s+weg|exp[ée]di[ée]e?s?|en\\s+route|en\\s+chemin|pris\\s+en\\s+charge"
                    + "|picked\\s+up\\s+by|will\\s+arrive|arriving\\s+(?:on|by)"
                    + "|arrivera|estimated\\s+delivery|expected\\s+delivery|voraussichtliche\\s+zustellung"
                    + "|livraison\\s+pr[ée]vue)\\b");
    private static final Pattern EXCEPTION = Pattern.compile(
            "(?iU)\\bdelivery\\s+(?:exception|attempt(?:ed)?|failed)\\b|\\b(?:could|was)\\s+not\\s+(?:be\\s+)?delivered\\b"
                    + "|\\bunable\\s+to\\s+deliver\\b|\\bnicht\\s+zugestellt\\b|\\bzustellversuch\\b"
                    + "|\\bn['’]a\\s+pas\\s+pu\\s+[êe]tre\\s+livr|\\bincident\\s+de\\s+livraison\\b|\\bavis\\s+de\\s+passage\\b");
    private static final Pattern CANCELLED = Pattern.compile(
            "(?iU)\\b(?:cancell?ed|cancellation|storniert|stornierung|annul[ée]e?s?|annulation)\\b");
    private static final Pattern RETURNED = Pattern.compile(
            "(?iU)\\b(?:refund(?:ed)?|returned|return\\s+(?:received|processed)|r[üu]ckerstattung|erstattet|erstattung"
                    + "|r[üu]cksendung|rembours[ée]e?s?|remboursement|retour)\\b");
    /** Subject words of a receipt or an order's mail. */
    private static final Pattern RECEIPT = Pattern.compile(
            "(?iU)(?<![\\p{L}])(?:e-?receipt|receipt|re[çc]u|ticket\\s+de\\s+caisse|quittung|beleg|kassenbon|trip|ride"
                    + "|course|fahrt|invoice|rechnung|facture|payment|zahlung|paiement|order|commande|bestellung"
                    + "|purchase|achat|einkauf|kauf|subscription|abonnement|abo|renewal|renouvellement|verl[äa]ngerung"
                    + "|thanks\\s+for\\s+riding|merci\\s+pour)(?![\\p{L}])");
    /** Subject words that no receipt has: reminders, offers and price changes. */
    private static final Pattern NOT_A_RECEIPT = Pattern.compile(
            "(?iU)(?<![\\p{L}])(?:cart|basket|panier|warenkorb|price\\s+(?:drop|change|alert)|prix|preis\\w*|sale|soldes"
                    + "|deal|deals|offer|angebot|offre|%|off|save|sparen|wishlist|wish\\s+list|merkzettel|complete"
                    + "|finish|forgot|forget|vergessen|oubli\\w*|reminder|erinnerung|rappel|recommend\\w*|empfehl\\w*"
                    + "|points|punkte|statement|changing|[äa]nderung|changement|newsletter)(?![\\p{L}])");
    /** Words of mail that phishes or pushes, wherever they are. */
    static final Pattern SUSPICIOUS = Pattern.compile(
            "(?iU)verify\\s+your\\s+(?:account|identity|payment)|confirm\\s+your\\s+(?:identity|account|payment\\s+details)"
                    + "|account\\s+(?:has\\s+been\\s+|is\\s+|was\\s+)?(?:suspended|limited|locked|on\\s+hold)"
                    + "|konto\\s+(?:wurde\\s+|wird\\s+)?(?:gesperrt|eingeschr[äa]nkt)|best[äa]tigen\\s+sie\\s+ihre"
                    + "|v[ée]rifi(?:ez|er)\\s+votre\\s+compte|compte\\s+(?:a\\s+été\\s+)?(?:suspendu|bloqu[ée])"
                    + "|customs\\s+(?:fee|charge|duty)|zollgeb[üu]hr|frais\\s+de\\s+douane"
                    + "|left\\s+(?:\\S+\\s+){0,3}in\\s+your\\s+(?:cart|basket|bag)"
                    + "|still\\s+in\\s+your\\s+(?:cart|basket)|dans\\s+votre\\s+panier|in\\s+ihrem\\s+warenkorb"
                    + "|reset\\s+your\\s+password|passwort\\s+zur[üu]cksetzen|r[ée]initialiser\\s+votre\\s+mot\\s+de\\s+passe");
    private static final Pattern LINK = Pattern.compile("(?i)href\\s*=\\s*[\"']?(https?://[^\"'\\s>]+)");
    private static final Pattern PLAIN_LINK = Pattern.compile("(?i)https?://[^\\s<>\"']+");
    static final Pattern GERMAN_OR_FRENCH = Pattern.compile(
            "(?iU)(?<![\\p{L}])(?:ihre|bestellung|vielen|votre|commande|merci)(?![\\p{L}])");
    static final WordStartSearch DATE_LABEL_WORD = new WordStartSearch(DATE_LABEL, "odpirbakc");
    static final WordStartSearch GERMAN_OR_FRENCH_WORD = new WordStartSearch(GERMAN_OR_FRENCH, "ibvcm");

    List<Finding> extract(Email email) {
        return extract(email, false);
    }

    /**
     * What the text says of the order a mail's markup gives, for what the markup leaves out (subtotal, tax, shipping,
     * discount, date: PurchaseConnector's TEXT_ONLY): the order {@link #extract(Email)} finds when it has an order
     * number, with its price specifications, discount and date as extract gives them, but without its items, and
     * without its parcels' status when the text labels a total (a parcel then decides nothing). No parcel findings.
     */
    List<Finding> orderForMarkup(Email email) {
        return extract(email, true);
    }

    private List<Finding> extract(Email email, boolean forMarkup) {
        EmailHeaders headers = email.headers();
        if (MerchantName.impersonates(headers)) {
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        email.htmlBody().filter(html -> !html.isBlank()).map(MailText::ofHtml).ifPresent(texts::add);
        email.textBody().filter(text -> !text.isBlank()).ifPresent(texts::add);
        if (texts.isEmpty()) {
            return List.of();
        }
        String subject = headers.subject();
        // The body that labels more is read in full; the other is only glanced at (order number and amounts).
        Glance chosen = null;
        int best = -1;
        for (String each : texts) {
            Glance glance = glance(each, headers);
            if (glance.score() > best) {
                best = glance.score();
                chosen = glance;
            }
        }
        String text = chosen.body();
        if (suspicious(subject)) {
            return List.of();
        }
        Glance glanced = chosen;
        // Items and date are read only for an order that the rest of the mail lets through: most mails give none.
        java.util.function.Supplier<Reading> reading = () -> read(glanced, !forMarkup);

        String merchant = MerchantName.of(headers);
        Optional<String> senderCarrier = headers.from() == null ? Optional.empty()
                : TrackingNumbers.carrierOfSender(headers.from()).filter(carrier -> !carrier.equals("amazon"));
        boolean fromACarrier = senderCarrier.isPresent();
        if (forMarkup) {
            // Only an order with a number is ever matched with the markup's.
            if (merchant.isEmpty() || fromACarrier || chosen.orderNumber().isEmpty()) {
                return List.of();
            }
            if (chosen.total() != null) {
                // A labelled total lets the order through whatever its parcels say; their status would only set
                // the order's status, which markup does not take. A refund is told by the subject alone.
                return unlessSuspicious(order(chosen, reading, merchant, subject,
                        orderStatus(subject, Optional.empty()), false, headers).stream().toList(), text);
            }
        }
        String body = text;
        List<Map<String, Object>> parcels = TextParcels.find(subject, text, () -> links(email), senderCarrier,
                () -> deliveryStatus(subject, body));

        List<Finding> findings = new ArrayList<>();
        if (!merchant.isEmpty() && !fromACarrier) {
            Optional<String> status = orderStatus(subject, parcels.isEmpty() ? Optional.empty()
                    : parcels.getFirst().get("deliveryStatus") instanceof Map<?, ?> event
                            ? Optional.of((String) event.get("name")) : Optional.empty());
            order(chosen, reading, merchant, subject, status, !parcels.isEmpty(), headers).ifPresent(findings::add);
        }
        if (forMarkup) {
            return unlessSuspicious(findings, text);
        }
        for (Map<String, Object> parcel : parcels) {
            chosen.orderNumber().ifPresent(number -> {
                Map<String, Object> order = new LinkedHashMap<>();
                order.put("@type", PurchaseExtractor.ORDER);
                order.put("orderNumber", number);
                if (!fromACarrier && !merchant.isEmpty()) {
                    order.put("seller", organization(merchant));
                }
                parcel.put("partOfOrder", order);
            });
            String carrier = JsonLd.nameOf(parcel, "provider").orElse("");
            String key = FindingKey.of(PurchaseExtractor.PARCEL, OrganizationName.normalize(carrier),
                    "tracking:" + parcel.get("trackingNumber"));
            findings.add(new Finding(PurchaseExtractor.PARCEL, key, parcel));
        }
        return unlessSuspicious(findings, text);
    }

    /**
     * The findings, or none if the text phishes or pushes ({@link #suspicious}). Asked last, and only of a text that
     * gave findings: the answer is the same as asking first, and most mails give none.
     */
    private static List<Finding> unlessSuspicious(List<Finding> findings, String text) {
        return findings.isEmpty() || !suspicious(text) ? findings : List.of();
    }

    /**
     * The order of the glanced body, if the mail makes one; {@code read} gives its items and date, asked only once
     * the order is sure to be made or needs them as evidence.
     */
    private static Optional<Finding> order(Glance glance, java.util.function.Supplier<Reading> read, String merchant,
            String subject, Optional<String> status, boolean hasParcel, EmailHeaders headers) {
        Optional<String> number = glance.orderNumber();
        Money total = glance.amounts().get(SummaryLine.TOTAL);
        boolean returned = status.filter("OrderReturned"::equals).isPresent();
        boolean subjectStatus = status.isPresent() && !status.get().equals("OrderProcessing");
        String key;
        Reading reading;
        if (number.isPresent()) {
            if (total == null && !subjectStatus && !hasParcel) {
                return Optional.empty();
            }
            key = FindingKey.of(PurchaseExtractor.ORDER, OrganizationName.normalize(merchant), number.get());
            reading = read.get();
        } else {
            boolean receipt = RECEIPT.matcher(subject).find() && !NOT_A_RECEIPT.matcher(subject).find();
            if (!receipt || total == null || returned) {
                return Optional.empty();
            }
            reading = read.get();
            int evidence = (reading.items().isEmpty() ? 0 : 1) + (reading.orderDate().isPresent() ? 1 : 0)
                    + (reading.amounts().containsKey(SummaryLine.SUBTOTAL) ? 1 : 0)
                    + (reading.amounts().containsKey(SummaryLine.TAX) ? 1 : 0) + reading.feeLines();
            if (evidence == 0) {
                return Optional.empty();
            }
            LocalDate day = reading.orderDate().orElseGet(() -> headers.date() == null ? null
                    : headers.date().atOffset(ZoneOffset.UTC).toLocalDate());
            key = FindingKey.of(PurchaseExtractor.ORDER, OrganizationName.normalize(merchant), "receipt",
                    String.valueOf(day), total.toString());
        }
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("@type", PurchaseExtractor.ORDER);
        number.ifPresent(n -> order.put("orderNumber", n));
        order.put("merchant", organization(merchant));
        order.put("seller", organization(merchant));
        reading.orderDate().ifPresent(date -> order.put("orderDate", date.toString()));
        if (!returned) {
            if (total != null) {
                order.putAll(total.toSchemaOrg());
            }
            // Items with a price are offers accepted; a shipping notice's items without price are items ordered,
            // a property of their own, so that they never replace the priced offers of the confirmation.
            List<Map<String, Object>> offers = reading.items().stream().filter(item -> item.price() != null)
                    .map(TextPurchaseExtractor::offer).toList();
            List<Map<String, Object>> ordered = reading.items().stream().filter(item -> item.price() == null)
                    .map(TextPurchaseExtractor::orderItem).toList();
            if (!offers.isEmpty()) {
                order.put("acceptedOffer", offers);
            }
            if (!ordered.isEmpty()) {
                order.put("orderedItem", ordered);
            }
            List<Map<String, Object>> specifications = new ArrayList<>();
            specification(reading, SummaryLine.SUBTOTAL, "PriceSpecification", "Subtotal").ifPresent(specifications::add);
            specification(reading, SummaryLine.SHIPPING, "DeliveryChargeSpecification", "Shipping")
                    .ifPresent(specifications::add);
            specification(reading, SummaryLine.TAX, "PriceSpecification", "Tax").ifPresent(specifications::add);
            if (!specifications.isEmpty()) {
                order.put("priceSpecification", specifications);
            }
            Money discount = reading.amounts().get(SummaryLine.DISCOUNT);
            if (discount != null) {
                Money positive = discount.isNegative() ? discount.negate() : discount;
                order.put("discount", positive.price());
                order.put("discountCurrency", positive.currency().getCurrencyCode());
            }
        } else {
            Money refund = reading.amounts().get(SummaryLine.REFUND);
            if (refund == null) {
                refund = total;
            }
            if (refund != null) {
                Money positive = refund.isNegative() ? refund.negate() : refund;
                Map<String, Object> specification = new LinkedHashMap<>();
                specification.put("@type", "PriceSpecification");
                specification.put("name", "Refund");
                specification.putAll(positive.toSchemaOrg());
                order.put("priceSpecification", List.of(specification));
            }
        }
        // A receipt (a ride, a meal) says nothing of where an order stands; an order's mail does.
        if (number.isPresent()) {
            order.put("orderStatus", SCHEMA + status.orElse("OrderProcessing"));
        }
        return Optional.of(new Finding(PurchaseExtractor.ORDER, key, order));
    }

    private static Optional<Map<String, Object>> specification(Reading reading, SummaryLine kind, String type,
            String name) {
        Money amount = kind == SummaryLine.TAX && reading.amounts().get(SummaryLine.TAX) == null
                ? reading.amounts().get(SummaryLine.TAX_TOTAL) : reading.amounts().get(kind);
        if (amount == null) {
            return Optional.empty();
        }
        Map<String, Object> specification = new LinkedHashMap<>();
        specification.put("@type", type);
        specification.put("name", name);
        specification.putAll(amount.toSchemaOrg());
        return Optional.of(specification);
    }

    private static Map<String, Object> orderItem(LineItems.Item item) {
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("@type", "Product");
        product.put("name", item.name());
        Map<String, Object> orderItem = new LinkedHashMap<>();
        orderItem.put("@type", "OrderItem");
        orderItem.put("orderedItem", product);
        orderItem.put("orderQuantity", item.quantity());
        return orderItem;
    }

    private static Map<String, Object> offer(LineItems.Item item) {
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("@type", "Product");
        product.put("name", item.name());
        Map<String, Object> quantity = new LinkedHashMap<>();
        quantity.put("@type", "QuantitativeValue");
        quantity.put("value", item.quantity());
        Map<String, Object> offer = new LinkedHashMap<>();
        offer.put("@type", "Offer");
        offer.put("itemOffered", product);
        offer.putAll(java.util.Objects.requireNonNull(item.price()).toSchemaOrg());
        offer.put("eligibleQuantity", quantity);
        return offer;
    }

    /**
     * What a glance at one body of the mail says: order number and amounts by label, enough to tell which body
     * labels more; {@link #read(Glance)} reads the chosen one in full from it.
     */
    private static Glance glance(String body, EmailHeaders headers) {
        String text = body.replace("\r", "");
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            lines.add(line.strip());
        }
        CurrencyHint hint = CurrencyHint.senderDomain(headers.fromDomain());
        Optional<String> orderNumber = orderNumber(headers.subject() + "\n" + text);
        Map<SummaryLine, Money> amounts = new EnumMap<>(SummaryLine.class);
        List<SummaryLine> free = new ArrayList<>();
        int summaryStart = -1;
        int feeLines = 0;
        boolean[] summaryLines = new boolean[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            Optional<SummaryLine.Labelled> labelled = SummaryLine.of(lines.get(i));
            if (labelled.isEmpty()) {
                continue;
            }
            summaryLines[i] = true;
            if (!SummaryLine.KEPT.contains(labelled.get().kind())) {
                if (amountAfterLabel(labelled.get().rest(), hint).isPresent()) {
                    feeLines++;
                }
                continue;
            }
            SummaryLine kind = labelled.get().kind();
            String rest = labelled.get().rest();
            Optional<Money> amount = amountAfterLabel(rest, hint);
            if (amount.isEmpty() && onlyColonsAndSpaces(rest)) {
                amount = nextLineAmount(lines, i, hint);
            }
            if (amount.isEmpty() && SummaryLine.isFree(LEADING_COLONS_AND_SPACES.matcher(rest).replaceFirst(""))) {
                if (summaryStart < 0) {
                    summaryStart = i;
                }
                free.add(kind);
                continue;
            }
            if (amount.isEmpty()) {
                continue;
            }
            if (summaryStart < 0) {
                summaryStart = i;
            }
            // Totals come after subtotals, shipping and taxes; the other amounts are given once.
            if (kind == SummaryLine.TOTAL || !amounts.containsKey(kind)) {
                amounts.put(kind, amount.get());
            }
        }
        Money charged = amounts.remove(SummaryLine.CHARGED);
        if (!amounts.containsKey(SummaryLine.TOTAL) && charged != null) {
            amounts.put(SummaryLine.TOTAL, charged); // a receipt that labels no total: what the card was charged
        }
        Money total = amounts.get(SummaryLine.TOTAL);
        if (total != null && total.isNegative()) {
            amounts.remove(SummaryLine.TOTAL);
            total = null;
        }
        Money reference = total != null ? total : amounts.get(SummaryLine.SUBTOTAL);
        if (reference != null) {
            // An amount in another currency than the order's is a conversion or a stray: not the order's.
            amounts.values().removeIf(money -> !money.currency().equals(reference.currency()));
            for (SummaryLine kind : free) {
                amounts.putIfAbsent(kind, new Money(java.math.BigDecimal.ZERO, reference.currency()));
            }
        }
        return new Glance(body, text, lines, summaryLines, hint, orderNumber, amounts, summaryStart, feeLines, total,
                reference);
    }

    /** What the glanced body says in full: order number, date, amounts by label, and items unless not wanted. */
    private static Reading read(Glance glance, boolean withItems) {
        List<String> lines = glance.lines();
        CurrencyHint hint = glance.hint();
        Map<SummaryLine, Money> amounts = glance.amounts();
        Money total = glance.total();
        Money reference = glance.reference();
        int summaryStart = glance.summaryStart();
        Optional<String> orderNumber = glance.orderNumber();
        String text = glance.text();
        // Without a summary (a shipping notice), only lines that mark a quantity are items: a price alone is not.
        List<LineItems.Item> items = !withItems ? List.of() : summaryStart < 0
                ? LineItems.read(lines, lines.size(), hint, null, true, glance.summaryLines())
                : LineItems.read(lines, summaryStart, hint, amounts.getOrDefault(SummaryLine.SUBTOTAL, total), false,
                        glance.summaryLines());
        if (reference != null) {
            items = items.stream().filter(item -> item.price() == null
                    || item.price().currency().equals(reference.currency())).toList();
        }
        // Asked only by a slashed date ("03/11/2026"): most mails have none, and the answer searches the whole text.
        BooleanSupplier monthFirst = new Memoized(() -> "US".equals(hint.country())
                || hint.country() == null && !GERMAN_OR_FRENCH_WORD.find(text));
        Optional<LocalDate> orderDate = orderDate(lines, monthFirst);
        if (orderDate.isEmpty() && orderNumber.isEmpty()) {
            orderDate = dateLine(lines, monthFirst);
        }
        return new Reading(text, orderNumber, orderDate, amounts, items, glance.feeLines());
    }

    /** Whether {@code rest} holds nothing but white space, colons and dots (a label whose value is elsewhere). */
    private static boolean onlyColonsAndSpaces(String rest) {
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c != ':' && c != '.' && !MailText.isRegexSpace(c)) {
                return false;
            }
        }
        return true;
    }

    private static final Pattern LEADING_COLONS_AND_SPACES = Pattern.compile("^[\\s:.\\t]+");

    /** The amount right after a label and its note or rate ("(8.875%)", "incl. VAT"). */
    private static Optional<Money> amountAfterLabel(String rest, CurrencyHint hint) {
        List<MoneyMatch> found = LineItems.amounts(rest, hint);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        String before = rest.substring(0, found.getFirst().start());
        long letters = before.chars().filter(Character::isLetter).count();
        return before.length() <= 48 && letters <= 30 ? Optional.of(found.getFirst().money()) : Optional.empty();
    }

    /** A stacked label: its amount alone on the next line that is not empty. */
    private static Optional<Money> nextLineAmount(List<String> lines, int labelAt, CurrencyHint hint) {
        for (int j = labelAt + 1; j < lines.size() && j <= labelAt + 2; j++) {
            String next = lines.get(j);
            if (next.isEmpty()) {
                continue;
            }
            List<MoneyMatch> found = LineItems.amounts(next, hint);
            if (found.size() == 1 && found.getFirst().start() <= 1
                    && next.substring(found.getFirst().end()).strip().length() <= 1) {
                return Optional.of(found.getFirst().money());
            }
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The date after the first date label that has one, on its line or the next. */
    private static Optional<LocalDate> orderDate(List<String> lines, BooleanSupplier monthFirst) {
        for (int i = 0; i < lines.size(); i++) {
            // Every date has its year's "20" (TextDates): a line whose window holds none is not searched for labels.
            if (!lines.get(i).contains("20") && (i + 1 >= lines.size() || !lines.get(i + 1).contains("20"))
                    || !mayHoldDateLabel(lines.get(i))) {
                continue;
            }
            Matcher label = DATE_LABEL_WORD.matcher(lines.get(i));
            for (int from = 0; DATE_LABEL_WORD.find(label, lines.get(i), from); from = label.end()) {
                String after = lines.get(i).substring(label.end());
                String window = after.length() > 60 ? after.substring(0, 60) : after;
                Optional<LocalDate> date = TextDates.first(window, monthFirst);
                if (date.isEmpty() && onlyColonsAndSpaces(after) && i + 1 < lines.size()) {
                    date = TextDates.first(lines.get(i + 1), monthFirst);
                }
                if (date.isPresent()) {
                    return date;
                }
            }
        }
        return Optional.empty();
    }

    private static final List<String> DATE_WORDS = List.of("dat", "placed", "ordered", "bestell", "command", "pass",
            "billed", "purchase", "auftrag", "kauf", "achat");

    private static boolean mayHoldDateLabel(String line) {
        String lower = line.toLowerCase(java.util.Locale.ROOT);
        for (String word : DATE_WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A receipt's date without label: a line near the top that is a date and little else ("Tue, Nov 10, 2026 at
     * 8:41 PM"), as ride and meal receipts head their trip or order.
     */
    private static Optional<LocalDate> dateLine(List<String> lines, BooleanSupplier monthFirst) {
        int seen = 0;
        for (String line : lines) {
            if (line.isEmpty() || line.length() > 60) {
                continue;
            }
            if (++seen > 15) {
                break;
            }
            Optional<LocalDate> date = TextDates.first(line, monthFirst);
            if (date.isPresent() && line.chars().filter(Character::isLetter).count() <= 28
                    && MoneyParser.find(line, CurrencyHint.none()).isEmpty()) {
                return date;
            }
        }
        return Optional.empty();
    }

    /** The number after the first order-number label; none when labels give two different numbers. */
    static Optional<String> orderNumber(String text) {
        Matcher matcher = ORDER_NUMBER.matcher(text);
        String found = null;
        // The label's words are looked for first: the pattern is tried only from a line that has one, to the end of
        // the next line (a number may stand under its label).
        // The lower case only for a text with an "İ" (see orderWordIndex); the others are searched as they are.
        String lower = text.indexOf('\u0130') >= 0 ? text.toLowerCase(java.util.Locale.ROOT) : null;
        int[] nextWord = new int[ORDER_WORDS.size()];
        java.util.Arrays.fill(nextWord, -1);
        int lineStart = 0;
        while (lineStart < text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            lineEnd = lineEnd < 0 ? text.length() : lineEnd;
            if (!hasOrderWord(text, lower, lineStart, lineEnd, nextWord)) {
                lineStart = lineEnd + 1;
                continue;
            }
            int nextEnd = lineEnd >= text.length() ? lineEnd : text.indexOf('\n', lineEnd + 1);
            nextEnd = nextEnd < 0 ? text.length() : nextEnd;
            matcher.useTransparentBounds(true).useAnchoringBounds(false);
            int at = lineStart;
            lineStart = lineEnd + 1;
            // As find() over [at, nextEnd), tried only where a label may start; a match from the next line on is
            // read with that line's own labels.
            while (at < Math.min(lineStart, nextEnd)) {
                if (!mayStartOrderLabel(text, at) || !matcher.region(at, nextEnd).lookingAt()) {
                    at++;
                    continue;
                }
                at = matcher.end();
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
        }
        return Optional.ofNullable(found);
    }

    /**
     * Whether an {@link #ORDER_NUMBER} label may start at {@code at}: not after a letter, and on a letter that its
     * labels start with as a case-insensitive Unicode pattern compares it.
     */
    private static boolean mayStartOrderLabel(String text, int at) {
        char c = text.charAt(at);
        if (at > 0) {
            char before = text.charAt(at - 1);
            if (!Character.isSurrogate(before) && Character.isLetter(before)) {
                return false;
            }
        }
        return Character.isSurrogate(c)
                || ORDER_LABEL_STARTS.indexOf(Character.toLowerCase(Character.toUpperCase(c))) >= 0;
    }

    /**
     * Where {@code text}'s lower case ({@code toLowerCase(Locale.ROOT)}) holds {@code word} (one of
     * {@link #ORDER_WORDS}) first at or after {@code from}, for a text without "İ": only "İ" lower-cases to more than
     * one character (its "i" and a dot), and only it and the Kelvin sign lower-case to an ASCII letter from another
     * character ({@code PurchaseSpeedPathsTest} checks every character); neither "i" nor "k" is in the words. So the
     * word is where the text holds it with its ASCII letters in either case: found from each place of its first
     * letter (indexOf), without lower-casing the whole text.
     */
    static int orderWordIndex(String text, String word, int from) {
        char small = word.charAt(0);
        char capital = (char) (small - ('a' - 'A'));
        int nextSmall = text.indexOf(small, from);
        int nextCapital = text.indexOf(capital, from);
        while (nextSmall >= 0 || nextCapital >= 0) {
            int at;
            if (nextCapital < 0 || nextSmall >= 0 && nextSmall < nextCapital) {
                at = nextSmall;
                nextSmall = text.indexOf(small, at + 1);
            } else {
                at = nextCapital;
                nextCapital = text.indexOf(capital, at + 1);
            }
            if (MailText.asciiIgnoringCase(text, at, word)) {
                return at;
            }
        }
        return -1;
    }

    /** The first letters of {@link #ORDER_NUMBER}'s labels. */
    private static final String ORDER_LABEL_STARTS = "abcdfinoprvyz";

    private static final List<String> ORDER_WORDS = List.of("order", "bestell", "auftrag", "commande");

    /**
     * Whether {@code [from, to)} of the text's lower case ({@code lower}, or as {@link #orderWordIndex} finds it in
     * {@code text} when null) holds one of {@link #ORDER_WORDS}, for lines read in order: {@code next} keeps
     * each word's next occurrence (-1: not searched yet, MAX_VALUE: none left), so that the text is searched once per
     * word, not once per line.
     */
    private static boolean hasOrderWord(String text, @Nullable String lower, int from, int to, int[] next) {
        boolean found = false;
        for (int w = 0; w < next.length; w++) {
            if (next[w] != Integer.MAX_VALUE && next[w] < from) {
                int at = lower != null ? lower.indexOf(ORDER_WORDS.get(w), from)
                        : orderWordIndex(text, ORDER_WORDS.get(w), from);
                next[w] = at < 0 ? Integer.MAX_VALUE : at;
            }
            found |= next[w] < to;
        }
        return found;
    }

    /**
     * Whether the text phishes or pushes ({@link #SUSPICIOUS}): as {@link #suspiciousByWords}, for a fraction of its
     * cost. The case-folded text is searched for each phrase's word, and the phrase is tried only where its anchor
     * ({@link Phrase}) stands, not at every character. A text holding "ſ", "ı" or "İ", whose lower case and case
     * folding differ in ASCII letters, takes the longer way, so that the answer stays that of the words' test.
     */
    static boolean suspicious(String text) {
        if (text.indexOf('\u017F') >= 0 || text.indexOf('\u0131') >= 0 || text.indexOf('\u0130') >= 0) {
            return suspiciousByWords(text);
        }
        String folded = caseFolded(text);
        Matcher matcher = null;
        for (String word : SUSPICIOUS_WORDS) {
            if (!folded.contains(word)) {
                continue;
            }
            for (Phrase phrase : PHRASES_BY_WORD.getOrDefault(word, List.of())) {
                for (int at = folded.indexOf(phrase.anchor()); at >= 0; at = folded.indexOf(phrase.anchor(), at + 1)) {
                    int start = at - phrase.offset();
                    if (start < 0) {
                        continue;
                    }
                    matcher = matcher == null ? phrase.pattern().matcher(text) : matcher.usePattern(phrase.pattern());
                    if (matcher.region(start, text.length()).lookingAt()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * The words' test {@link #suspicious} stands for: the pattern runs only where its words occur (in the text's
     * lower case), and then only its phrases whose word the case-folded text holds ({@link #SUSPICIOUS_PHRASES}).
     */
    static boolean suspiciousByWords(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        for (String word : SUSPICIOUS_WORDS) {
            if (lower.contains(word)) {
                String folded = caseFolded(text);
                for (Map.Entry<String, Pattern> phrase : SUSPICIOUS_PHRASES.entrySet()) {
                    if (folded.contains(phrase.getKey()) && phrase.getValue().matcher(text).find()) {
                        return true;
                    }
                }
                return false;
            }
        }
        return false;
    }

    /**
     * Each character of {@code text} as a case-insensitive Unicode pattern compares it ({@code ſ} is {@code s}),
     * the length unchanged: a phrase of {@link #SUSPICIOUS} matches only where this holds its word.
     */
    private static String caseFolded(String text) {
        int i = 0;
        while (i < text.length() && isFoldedAscii(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text; // most mails: nothing to fold
        }
        char[] folded = new char[text.length()];
        text.getChars(0, i, folded, 0);
        for (; i < folded.length; i++) {
            char c = text.charAt(i);
            // An ASCII character folds to its ASCII small letter (or itself): the two look-ups only for the others.
            folded[i] = c < 0x80 ? (c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c)
                    : Character.toLowerCase(Character.toUpperCase(c));
        }
        return new String(folded);
    }

    private static boolean isFoldedAscii(char c) {
        return c < 0x80 && (c < 'A' || c > 'Z');
    }

    private static Map<String, Pattern> suspiciousPhrases() {
        Map<String, Pattern> phrases = new LinkedHashMap<>();
        for (String phrase : suspiciousAlternatives()) {
            String word = wordOf(phrase);
            Pattern previous = phrases.put(word, Pattern.compile("(?iU)" + phrase));
            if (previous != null) {
                phrases.put(word, Pattern.compile("(?iU)" + previous.pattern().substring(5) + "|" + phrase));
            }
        }
        return Map.copyOf(phrases);
    }

    private static List<String> suspiciousAlternatives() {
        return List.of(SUSPICIOUS.pattern().substring("(?iU)".length()).split("\\|(?![^()]*\\))"));
    }

    private static String wordOf(String phrase) {
        return SUSPICIOUS_WORDS.stream().filter(phrase::contains).findFirst()
                .orElseThrow(() -> new IllegalStateException("No word of SUSPICIOUS_WORDS in " + phrase));
    }

    /** Every phrase of {@link #SUSPICIOUS} holds one of these. */
    private static final List<String> SUSPICIOUS_WORDS = List.of("verify", "confirm", "account", "konto", "best",
            "rifi", "compte", "customs", "zoll", "douane", "left", "still", "panier", "warenkorb", "reset", "passwort",
            "initialiser");

    /** The alternatives of {@link #SUSPICIOUS}, each by a word it holds as written (after SUSPICIOUS_WORDS). */
    private static final Map<String, Pattern> SUSPICIOUS_PHRASES = suspiciousPhrases();

    /**
     * An alternative of {@link #SUSPICIOUS} and where its matches may start: {@code offset} characters before an
     * occurrence of {@code anchor} in the case-folded text. The anchor is the run of plain letters the alternative
     * starts with ("customs", "dans"); for one that starts with a single letter before a class ("v[ée]rifi…"), its
     * word after that many one-character atoms.
     */
    record Phrase(String anchor, int offset, Pattern pattern) {

        static Phrase of(String alternative, String word) {
            int letters = 0;
            while (letters < alternative.length() && alternative.charAt(letters) >= 'a'
                    && alternative.charAt(letters) <= 'z') {
                letters++;
            }
            if (letters >= 2) {
                return new Phrase(alternative.substring(0, letters), 0, Pattern.compile("(?iU)" + alternative));
            }
            String prefix = alternative.substring(0, alternative.indexOf(word));
            if (!prefix.matches("(?:[a-z]|\\[[^\\]\\\\]+\\])*")) {
                throw new IllegalStateException("No fixed-width start before " + word + " in " + alternative);
            }
            int offset = prefix.replaceAll("\\[[^\\]]+\\]", "x").length();
            return new Phrase(word, offset, Pattern.compile("(?iU)" + alternative));
        }
    }

    /** The alternatives of {@link #SUSPICIOUS} as {@link Phrase}s, by the word of {@link #SUSPICIOUS_WORDS} they hold. */
    private static final Map<String, List<Phrase>> PHRASES_BY_WORD = suspiciousAlternatives().stream()
            .collect(java.util.stream.Collectors.groupingBy(TextPurchaseExtractor::wordOf,
                    java.util.stream.Collectors.mapping(alternative -> Phrase.of(alternative, wordOf(alternative)),
                            java.util.stream.Collectors.toList())));

    /**
     * Whether {@code line} holds an order-number label and its number. The order words are looked for with ASCII
     * letters compared ignoring case, as in the line's lower case: no other character lower-cases to a letter of
     * theirs (the Kelvin sign's "k" and the "i" of "İ" are in none of them).
     */
    static boolean hasOrderNumberLabel(String line) {
        return hasOrderWordIgnoringAsciiCase(line) && ORDER_NUMBER.matcher(line).find();
    }

    private static boolean hasOrderWordIgnoringAsciiCase(String line) {
        for (int at = 0; at < line.length(); at++) {
            char c = line.charAt(at);
            char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
            if (lower != 'o' && lower != 'b' && lower != 'a' && lower != 'c') {
                continue; // no order word starts here
            }
            for (String word : ORDER_WORDS) {
                if (MailText.asciiIgnoringCase(line, at, word)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The links of the mail: hrefs of its HTML, URLs of its text. */
    private static List<String> links(Email email) {
        List<String> links = new ArrayList<>();
        email.htmlBody().ifPresent(html -> {
            Matcher matcher = LINK.matcher(html).useTransparentBounds(true).useAnchoringBounds(false);
            for (int at = nextLinkMatch(matcher, html, 0); at >= 0; at = nextLinkMatch(matcher, html, matcher.end())) {
                links.add(matcher.group(1).replace("&amp;", "&"));
            }
        });
        email.textBody().ifPresent(text -> {
            Matcher matcher = PLAIN_LINK.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
            for (int at = nextLinkMatch(matcher, text, 0); at >= 0; at = nextLinkMatch(matcher, text, matcher.end())) {
                links.add(matcher.group());
            }
        });
        return links;
    }

    /**
     * As {@code matcher.find(from)} for {@link #LINK} and {@link #PLAIN_LINK}, which match only from an "h" or "H"
     * ({@code (?i)} without Unicode case is ASCII's): the pattern is tried only there. The match's start, or -1.
     */
    private static int nextLinkMatch(Matcher matcher, String text, int from) {
        // Both begin with "href" or "http" (ASCII letters in either case): the pattern is tried only there. The
        // next "h" and the next "H" are each found by indexOf, which is far faster than a look at every character.
        int small = text.indexOf('h', from);
        int capital = text.indexOf('H', from);
        while (small >= 0 || capital >= 0) {
            int at;
            if (capital < 0 || small >= 0 && small < capital) {
                at = small;
                small = text.indexOf('h', at + 1);
            } else {
                at = capital;
                capital = text.indexOf('H', at + 1);
            }
            if ((MailText.asciiIgnoringCase(text, at + 1, "ref") || MailText.asciiIgnoringCase(text, at + 1, "ttp"))
                    && matcher.region(at, text.length()).lookingAt()) {
                return at;
            }
        }
        return -1;
    }

    /**
     * The subject says it best; the body only when the subject says nothing, and then a problem outranks
     * "out for delivery", which outranks "shipped", which outranks "delivered" (a shipping notice says when the
     * parcel "will be delivered"; a delivered notice rarely says "shipped").
     */
    static Optional<String> deliveryStatus(String subject, String text) {
        if (EXCEPTION.matcher(subject).find()) {
            return Optional.of("OrderProblem");
        }
        if (OUT_FOR_DELIVERY.matcher(subject).find()) {
            return Optional.of("OrderOutForDelivery");
        }
        if (DELIVERED.matcher(subject).find()) {
            return Optional.of("OrderDelivered");
        }
        if (SHIPPED.matcher(subject).find()) {
            return Optional.of("OrderInTransit");
        }
        if (EXCEPTION.matcher(text).find()) {
            return Optional.of("OrderProblem");
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

    /**
     * Cancellations and refunds are read from the subject only: every confirmation's footer explains refunds. So are
     * shipping words, unless a verified parcel makes the body's words its status.
     */
    private static Optional<String> orderStatus(String subject, Optional<String> parcelStatus) {
        if (CANCELLED.matcher(subject).find()) {
            return Optional.of("OrderCancelled");
        }
        if (RETURNED.matcher(subject).find()) {
            return Optional.of("OrderReturned");
        }
        if (parcelStatus.isPresent()) {
            return parcelStatus;
        }
        return deliveryStatus(subject, "");
    }

    static Map<String, Object> organization(String name) {
        Map<String, Object> organization = new LinkedHashMap<>();
        organization.put("@type", "Organization");
        organization.put("name", name);
        return organization;
    }

    /** What a glance at one body of a mail says; {@code body} as given, {@code text} without carriage returns. */
    private record Glance(String body, String text, List<String> lines, boolean[] summaryLines, CurrencyHint hint,
            Optional<String> orderNumber, Map<SummaryLine, Money> amounts, int summaryStart, int feeLines,
            Money total, Money reference) {

        int score() {
            return (orderNumber.isPresent() ? 2 : 0) + amounts.size();
        }
    }

    /** What one body of a mail says. */
    private record Reading(String text, Optional<String> orderNumber, Optional<LocalDate> orderDate,
            Map<SummaryLine, Money> amounts, List<LineItems.Item> items, int feeLines) {
    }

    /** A condition worked out the first time it is asked, then remembered. */
    private static final class Memoized implements BooleanSupplier {

        private final BooleanSupplier condition;
        private boolean known;
        private boolean value;

        Memoized(BooleanSupplier condition) {
            this.condition = condition;
        }

        @Override
        public boolean getAsBoolean() {
            if (!known) {
                value = condition.getAsBoolean();
                known = true;
            }
            return value;
        }
    }
}
