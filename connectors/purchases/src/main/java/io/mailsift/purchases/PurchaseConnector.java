package io.mailsift.purchases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.mailsift.connector.Connector;
import io.mailsift.connector.ConnectorDescriptor;
import io.mailsift.connector.Email;
import io.mailsift.connector.EmailHeaders;
import io.mailsift.connector.Finding;
import io.mailsift.connector.HeaderPrefilter;
import io.mailsift.connector.ReadScope;
import io.mailsift.connector.SpiVersion;

/**
 * The purchases connector: turns schema.org {@code Order}, {@code ParcelDelivery} and {@code Invoice} markup (Gmail
 * email markup in JSON-LD or microdata) into findings: one per order, one per parcel, one per bill.
 *
 * <p>Orders and parcels are found at the top level of the message's structured data and nested anywhere in it (a
 * {@code @graph}, a list, a forwarded message). A parcel inside an order ({@code orderDelivery}) gives a parcel
 * finding too, with a {@code partOfOrder} reference to the order. An order only referred to by a parcel
 * ({@code partOfOrder}) or an invoice gives no order finding: it is a pointer, not the order. Each finding is the
 * markup as the sender wrote it, cleaned: strings trimmed, type names without vocabulary prefix; Gmail's
 * {@code merchant} and {@code carrier} are also given under schema.org's names {@code seller} and {@code provider}.
 *
 * <p>Keys: an order's is {@code Order} + the seller's name (normalized: case, punctuation and legal forms such as
 * "Inc." ignored) + {@code orderNumber}; an order without number is skipped. A parcel's is {@code ParcelDelivery} +
 * the carrier's name (normalized) + {@code trackingNumber}, or, before a tracking number is known, + the seller and
 * number of its order. An invoice's is {@code Invoice} + its issuer (normalized) + its number; one that says neither
 * its number nor what is owed is a pointer and gives none. Status updates for the same order or parcel therefore replace the earlier finding.
 *
 * <p>A mail without such markup is read by its labels ({@link TextPurchaseExtractor}): orders, receipts and parcels
 * with their items and amounts. A mail with markup takes from its text only what the markup lacks (subtotal, tax,
 * shipping, discount, date) for the same order.
 *
 * <p>Stateless and thread-safe.
 *
 * <p>Prefilter ({@link #interestedIn(EmailHeaders)}): the keyword table {@code prefilter.txt} next to this class
 * (order, receipt, invoice and delivery words in English, German, French, Spanish, Italian, Dutch and Portuguese, and
 * well-known shops, marketplaces and carriers), matched against the subject, the sender's name and address; forwards
 * always pass. A message it declines is never fetched, so an order from an unknown shop under a subject without any
 * such word is lost: the price of not parsing all mail (see docs/connectors.md, "Header prefilters").
 */
public final class PurchaseConnector implements Connector {

    private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(
            "purchases", ConnectorDescriptor.versionOf(PurchaseConnector.class), SpiVersion.CURRENT,
            Set.of(PurchaseExtractor.ORDER, PurchaseExtractor.PARCEL, PurchaseExtractor.INVOICE),
            ReadScope.BODIES,
            "Finds orders, parcel deliveries and invoices in the schema.org markup of shop and carrier mails, and orders in "
                    + "the labelled text of mails without markup: orders, receipts and parcels of carriers they name.");

    private static final HeaderPrefilter PREFILTER = HeaderPrefilter.load(PurchaseConnector.class, "prefilter.txt");

    /** What order markup rarely carries and the text of the same mail gives. */
    private static final List<String> TEXT_ONLY = List.of("priceSpecification", "discount", "discountCurrency",
            "orderDate");

    private final PurchaseExtractor extractor = new PurchaseExtractor();
    private final TextPurchaseExtractor textExtractor = new TextPurchaseExtractor();

    /** Created by {@link java.util.ServiceLoader}. */
    public PurchaseConnector() {
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public boolean interestedIn(EmailHeaders headers) {
        return PREFILTER.accepts(headers);
    }

    @Override
    public List<Finding> extract(Email email) {
        List<Finding> fromMarkup = extractor.extract(email.allStructuredData());
        if (fromMarkup.isEmpty()) {
            return textExtractor.extract(email);
        }
        // The sender's markup, where there is any, says more and more surely than any reading of its text; the text
        // only adds what Gmail-style markup leaves out (subtotal, tax, shipping, discount) to the same order. Read
        // only when an order of the markup lacks one of those: a parcel's or a full order's markup takes nothing.
        if (fromMarkup.stream().noneMatch(PurchaseConnector::mayTakeFromText)) {
            return fromMarkup;
        }
        List<Finding> fromText = textExtractor.orderForMarkup(email);
        List<Finding> findings = new ArrayList<>();
        for (Finding finding : fromMarkup) {
            findings.add(withTextOnlyProperties(finding, fromText));
        }
        return findings;
    }

    /** Whether {@link #withTextOnlyProperties} may add anything to this finding of the markup. */
    private static boolean mayTakeFromText(Finding fromMarkup) {
        return fromMarkup.type().equals(PurchaseExtractor.ORDER) && fromMarkup.data().get("orderNumber") != null
                && !fromMarkup.data().keySet().containsAll(TEXT_ONLY);
    }

    private static Finding withTextOnlyProperties(Finding fromMarkup, List<Finding> fromText) {
        Object number = fromMarkup.data().get("orderNumber");
        if (!fromMarkup.type().equals(PurchaseExtractor.ORDER) || number == null) {
            return fromMarkup;
        }
        for (Finding text : fromText) {
            if (text.type().equals(PurchaseExtractor.ORDER) && number.equals(text.data().get("orderNumber"))) {
                Map<String, Object> data = new LinkedHashMap<>(fromMarkup.data());
                for (String property : TEXT_ONLY) {
                    if (!data.containsKey(property) && text.data().containsKey(property)) {
                        data.put(property, text.data().get(property));
                    }
                }
                return new Finding(fromMarkup.type(), fromMarkup.key(), data);
            }
        }
        return fromMarkup;
    }
}
