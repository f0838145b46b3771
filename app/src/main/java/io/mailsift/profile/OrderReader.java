package io.mailsift.profile;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads a schema.org {@code Order} (JSON-LD as nested maps and lists) tolerantly: what a merchant's markup or the
 * purchase connector wrote, numbers as strings or JSON numbers, one value or a list. Money stays exact
 * ({@link BigDecimal}) and in its own currency.
 */
final class OrderReader {

    /** An order as the profile sees it. {@code total} and {@code currency} are null when the order did not say. */
    record Order(String merchant, @Nullable String orderNumber, LocalDate orderDate, String status, boolean counts,
            @Nullable BigDecimal total, @Nullable String currency, List<Item> items) {
    }

    /** One line of an order; {@code unitPrice} null when the order gave none. */
    record Item(String name, BigDecimal quantity, @Nullable BigDecimal unitPrice, @Nullable String currency) {
    }

    /** Statuses after which an order is no spend: the money went back (or never left). */
    private static final Set<String> NO_SPEND = Set.of("ordercancelled", "orderreturned", "orderrefunded");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern NUMBER_JUNK = Pattern.compile("[^0-9.,\\-]");
    /** The largest amount the profile stores (NUMERIC(19, 4)); a larger one is a misreading, not a purchase. */
    private static final BigDecimal TOO_LARGE = new BigDecimal("1E15");

    private OrderReader() {
    }

    /**
     * The order, or empty when it names no merchant.
     *
     * @param payload     the finding's JSON-LD
     * @param messageDate the date of the mail it came from: the order date when the order gives none
     */
    static Optional<Order> read(Map<String, Object> payload, @Nullable Instant messageDate) {
        String merchant = name(payload.get("merchant"));
        if (merchant == null) {
            merchant = name(payload.get("seller"));
        }
        if (merchant == null) {
            merchant = name(payload.get("broker"));
        }
        LocalDate date = date(payload.get("orderDate"));
        if (date == null && messageDate != null) {
            date = LocalDate.ofInstant(messageDate, ZoneOffset.UTC);
        }
        if (merchant == null || date == null) {
            return Optional.empty();
        }
        String status = status(payload.get("orderStatus"));
        List<Item> items = items(payload);
        BigDecimal total = amount(payload.get("price"));
        String currency = currency(payload.get("priceCurrency"));
        if (total == null) {
            Object due = first(payload.get("totalPaymentDue"));
            if (due == null && first(payload.get("partOfInvoice")) instanceof Map<?, ?> invoice) {
                due = first(invoice.get("totalPaymentDue"));
            }
            if (due instanceof Map<?, ?> specification) {
                total = amount(specification.get("price"));
                if (total == null) {
                    total = amount(specification.get("value"));
                }
                currency = currency(specification.get("priceCurrency"));
                if (currency == null) {
                    currency = currency(specification.get("currency"));
                }
            } else if (due != null) {
                total = amount(due);
            }
        }
        if (currency == null) {
            currency = itemsCurrency(items);
        }
        boolean counts = !NO_SPEND.contains(status.toLowerCase(Locale.ROOT))
                && (total == null || total.signum() >= 0); // a negative total is a refund notice
        return Optional.of(new Order(merchant, text(payload.get("orderNumber")), date, status, counts, total,
                currency, items));
    }

    private static List<Item> items(Map<String, Object> payload) {
        List<Item> items = new ArrayList<>();
        for (Object offer : list(payload.get("acceptedOffer"))) {
            if (offer instanceof Map<?, ?> map) {
                String name = name(map.get("itemOffered"));
                if (name != null) {
                    BigDecimal quantity = quantity(map.get("eligibleQuantity"));
                    items.add(new Item(name, quantity, amount(map.get("price")), currency(map.get("priceCurrency"))));
                }
            }
        }
        for (Object ordered : list(payload.get("orderedItem"))) {
            if (ordered instanceof Map<?, ?> map) {
                Object product = map.get("orderedItem");
                String name = product == null ? name(map) : name(product);
                if (name == null) {
                    continue;
                }
                BigDecimal price = amount(map.get("price"));
                String currency = currency(map.get("priceCurrency"));
                if (price == null && first(product) instanceof Map<?, ?> productMap
                        && first(productMap.get("offers")) instanceof Map<?, ?> offer) {
                    price = amount(offer.get("price"));
                    currency = currency(offer.get("priceCurrency"));
                }
                items.add(new Item(name, quantity(map.get("orderQuantity")), price, currency));
            } else if (ordered instanceof String name && !name.isBlank()) {
                items.add(new Item(name.strip(), BigDecimal.ONE, null, null));
            }
        }
        return items;
    }

    private static @Nullable String itemsCurrency(List<Item> items) {
        List<String> currencies = items.stream().map(Item::currency).filter(c -> c != null).distinct().toList();
        return currencies.size() == 1 ? currencies.getFirst() : null;
    }

    /** A quantity: a number, or a QuantitativeValue's value; 1 when missing or not positive. */
    private static BigDecimal quantity(@Nullable Object value) {
        Object quantity = first(value);
        if (quantity instanceof Map<?, ?> map) {
            quantity = map.get("value");
        }
        BigDecimal amount = amount(quantity);
        return amount == null || amount.signum() <= 0 ? BigDecimal.ONE : amount;
    }

    /** The status's name without its schema.org prefix; "OrderProcessing" when the order gave none. */
    static String status(@Nullable Object value) {
        Object status = first(value);
        if (status instanceof Map<?, ?> map) {
            status = map.containsKey("@id") ? map.get("@id") : map.get("name");
        }
        String text = text(status);
        if (text == null) {
            return "OrderProcessing";
        }
        int prefix = Math.max(Math.max(text.lastIndexOf('/'), text.lastIndexOf('#')), text.lastIndexOf(':'));
        return text.substring(prefix + 1);
    }

    /**
     * An exact amount from a JSON number or a string such as {@code "1,234.56"}, {@code "1.234,56 €"} or
     * {@code "12,50"}: of a comma and a dot the last one is the decimal mark; a lone comma is one unless exactly
     * three digits follow it (then it groups thousands, as schema.org's own format never uses a comma).
     */
    static @Nullable BigDecimal amount(@Nullable Object value) {
        BigDecimal amount = anyAmount(value);
        return amount == null || amount.abs().compareTo(TOO_LARGE) >= 0 ? null : amount;
    }

    private static @Nullable BigDecimal anyAmount(@Nullable Object value) {
        Object first = first(value);
        if (first instanceof Number number) {
            try {
                return new BigDecimal(number.toString());
            } catch (NumberFormatException e) {
                return null; // NaN, Infinity
            }
        }
        if (!(first instanceof String text)) {
            return null;
        }
        String digits = NUMBER_JUNK.matcher(text).replaceAll("");
        int comma = digits.lastIndexOf(',');
        int dot = digits.lastIndexOf('.');
        if (comma >= 0 && dot >= 0) {
            digits = comma > dot ? digits.replace(".", "").replace(',', '.') : digits.replace(",", "");
        } else if (comma >= 0) {
            boolean grouping = digits.indexOf(',') != comma || digits.length() - comma - 1 == 3;
            digits = grouping ? digits.replace(",", "") : digits.replace(',', '.');
        } else if (dot >= 0 && digits.indexOf('.') != dot) {
            digits = digits.replace(".", "");
        }
        try {
            return digits.isEmpty() ? null : new BigDecimal(digits);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable String currency(@Nullable Object value) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        String code = text.strip().toUpperCase(Locale.ROOT);
        return CURRENCY.matcher(code).matches() ? code : null;
    }

    /**
     * The date as the merchant wrote it (its own time zone), from a date or a date-time; a year outside 1970–2200 is a
     * misreading (or a crafted mail) that PostgreSQL's DATE may not even hold, and counts as no date.
     */
    static @Nullable LocalDate date(@Nullable Object value) {
        LocalDate date = anyDate(value);
        return date == null || date.getYear() < 1970 || date.getYear() > 2200 ? null : date;
    }

    private static @Nullable LocalDate anyDate(@Nullable Object value) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toLocalDate();
        } catch (DateTimeParseException e) {
            // not with an offset
        }
        try {
            return LocalDateTime.parse(text).toLocalDate();
        } catch (DateTimeParseException e) {
            // not a local date-time
        }
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A thing's name: a string, or the {@code name} of an object (the first of a list). */
    private static @Nullable String name(@Nullable Object value) {
        Object first = first(value);
        if (first instanceof Map<?, ?> map) {
            return text(map.get("name"));
        }
        return text(first);
    }

    private static @Nullable String text(@Nullable Object value) {
        Object first = first(value);
        if (first instanceof String text && !text.isBlank()) {
            return text.strip();
        }
        if (first instanceof Number number) {
            return number.toString();
        }
        return null;
    }

    private static @Nullable Object first(@Nullable Object value) {
        if (value instanceof List<?> list) {
            return list.isEmpty() ? null : list.getFirst();
        }
        return value;
    }

    private static List<?> list(@Nullable Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> list ? list : List.of(value);
    }
}
