package io.mailsift.purchases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.mailsift.connector.Finding;
import io.mailsift.connector.FindingKey;
import io.mailsift.connector.JsonLd;
import org.jspecify.annotations.Nullable;

/**
 * Finds orders, parcel deliveries and invoices anywhere in a message's schema.org items and turns each into a finding;
 * a delivery inside an order ({@code orderDelivery}) yields a finding of its own, linked to the order.
 */
final class PurchaseExtractor {

    static final String ORDER = "Order";
    static final String PARCEL = "ParcelDelivery";
    static final String INVOICE = "Invoice";

    /** Real markup nests a few levels; anything deeper is garbage or hostile and is not worth walking. */
    private static final int MAX_DEPTH = 24;

    /**
     * Properties not followed: actions describe what one could do, and {@code partOfOrder} or
     * {@code referencesOrder} only point at an order (often by number alone). Taking such a pointer for the order
     * would overwrite the full order stored from its confirmation with a stub.
     */
    private static final Set<String> NOT_FOLLOWED = Set.of("potentialAction", "partOfOrder", "referencesOrder");

    /** The findings in these items, in markup order; a thing marked up twice counts once. */
    List<Finding> extract(List<Map<String, Object>> items) {
        Map<String, Finding> byKey = new LinkedHashMap<>();
        for (Map<String, Object> item : items) {
            visit(item, null, 0, byKey);
        }
        return new ArrayList<>(byKey.values());
    }

    @SuppressWarnings("unchecked")
    private void visit(Object node, @Nullable Map<String, Object> enclosingOrder, int depth,
            Map<String, Finding> byKey) {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (node instanceof List<?> list) {
            for (Object each : list) {
                visit(each, enclosingOrder, depth + 1, byKey);
            }
            return;
        }
        if (!(node instanceof Map<?, ?> map)) {
            return;
        }
        Map<String, Object> object = (Map<String, Object>) map;
        if (isA(object, PARCEL)) {
            parcel(object, enclosingOrder).ifPresent(finding -> byKey.putIfAbsent(finding.key(), finding));
            return;
        }
        if (isA(object, INVOICE)) {
            invoice(object).ifPresent(finding -> byKey.putIfAbsent(finding.key(), finding));
        }
        Map<String, Object> orderHere = enclosingOrder;
        if (isA(object, ORDER)) {
            order(object).ifPresent(finding -> byKey.putIfAbsent(finding.key(), finding));
            orderHere = object;
        }
        for (Map.Entry<String, Object> property : object.entrySet()) {
            if (!NOT_FOLLOWED.contains(property.getKey())) {
                visit(property.getValue(), orderHere, depth + 1, byKey);
            }
        }
    }

    private static Optional<Finding> order(Map<String, Object> order) {
        Optional<String> number = orderNumber(order);
        if (number.isEmpty()) {
            return Optional.empty(); // without its number an order cannot be told from the next one
        }
        Map<String, Object> data = JsonLd.cleanCopy(order);
        copyIfAbsent(data, "merchant", "seller");
        String key = FindingKey.of(ORDER, merchant(order), number.get());
        return Optional.of(new Finding(ORDER, key, data));
    }

    private static Optional<Finding> parcel(Map<String, Object> parcel, @Nullable Map<String, Object> enclosingOrder) {
        Map<String, Object> order = JsonLd.object(parcel, "partOfOrder").orElse(enclosingOrder);
        Optional<String> tracking = JsonLd.text(parcel, "trackingNumber");
        Optional<String> orderNumber = order == null ? Optional.empty() : orderNumber(order);
        if (tracking.isEmpty() && orderNumber.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> data = JsonLd.cleanCopy(parcel);
        copyIfAbsent(data, "carrier", "provider");
        if (!data.containsKey("partOfOrder") && order != null && orderNumber.isPresent()) {
            data.put("partOfOrder", orderReference(order));
        }
        String carrier = JsonLd.nameOf(parcel, "provider").or(() -> JsonLd.nameOf(parcel, "carrier"))
                .map(OrganizationName::normalize).orElse("");
        String identity = tracking.map(number -> "tracking:" + number)
                .orElseGet(() -> "order:" + merchant(order) + "|" + orderNumber.orElseThrow());
        return Optional.of(new Finding(PARCEL, FindingKey.of(PARCEL, carrier, identity), data));
    }

    /**
     * A bill: who issues it ({@code provider}, else {@code broker} or {@code seller}), its number
     * ({@code confirmationNumber}, else {@code identifier}, else the number of the order it references) and what is
     * owed ({@code totalPaymentDue} or {@code minimumPaymentDue}) or by when ({@code paymentDueDate}). Without a number
     * one month's bill cannot be told from the next; without an amount or due date the markup is only a pointer to
     * an order (Gmail's order markup often carries such an invoice). A later mail of the same bill (paid, overdue)
     * has the same key and updates it.
     */
    private static Optional<Finding> invoice(Map<String, Object> invoice) {
        Optional<String> number = JsonLd.text(invoice, "confirmationNumber")
                .or(() -> JsonLd.text(invoice, "identifier"))
                .or(() -> JsonLd.text(invoice, "referencesOrder", "orderNumber"));
        boolean saysWhatIsOwed = JsonLd.get(invoice, "totalPaymentDue").isPresent()
                || JsonLd.get(invoice, "minimumPaymentDue").isPresent()
                || JsonLd.text(invoice, "paymentDueDate").isPresent();
        if (number.isEmpty() || !saysWhatIsOwed) {
            return Optional.empty();
        }
        String issuer = JsonLd.nameOf(invoice, "provider").or(() -> JsonLd.nameOf(invoice, "broker"))
                .or(() -> JsonLd.nameOf(invoice, "seller")).map(OrganizationName::normalize).orElse("");
        Map<String, Object> data = JsonLd.cleanCopy(invoice);
        return Optional.of(new Finding(INVOICE, FindingKey.of(INVOICE, issuer, number.get()), data));
    }

    /** What a delivery inside an order needs to point back at it: the number and who sold it. */
    private static Map<String, Object> orderReference(Map<String, Object> order) {
        Map<String, Object> reference = new LinkedHashMap<>();
        reference.put("@type", ORDER);
        reference.put("orderNumber", orderNumber(order).orElseThrow());
        for (String property : List.of("merchant", "seller")) {
            JsonLd.object(order, property).or(() -> JsonLd.text(order, property).map(name -> {
                Map<String, Object> named = new LinkedHashMap<>();
                named.put("@type", "Organization");
                named.put("name", name);
                return named;
            })).ifPresent(organization -> reference.put(property, JsonLd.cleanCopy(organization)));
        }
        return reference;
    }

    private static Optional<String> orderNumber(Map<String, Object> order) {
        return JsonLd.text(order, "orderNumber");
    }

    /** The seller's name, normalized; schema.org says {@code seller}, Gmail's markup {@code merchant}. */
    private static String merchant(@Nullable Map<String, Object> order) {
        if (order == null) {
            return "";
        }
        return JsonLd.nameOf(order, "seller").or(() -> JsonLd.nameOf(order, "merchant"))
                .map(OrganizationName::normalize).orElse("");
    }

    /**
     * Gmail's markup names two properties differently from schema.org ({@code merchant}/{@code seller},
     * {@code carrier}/{@code provider}); the finding carries the schema.org one as well, so readers need only one.
     */
    private static void copyIfAbsent(Map<String, Object> data, String gmailName, String schemaOrgName) {
        Object value = data.get(gmailName);
        if (value != null && !data.containsKey(schemaOrgName)) {
            data.put(schemaOrgName, value);
        }
    }

    private static boolean isA(Map<String, Object> object, String type) {
        for (String each : JsonLd.types(object)) {
            if (each.toLowerCase(Locale.ROOT).equals(type.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
