package io.mailsift.travel;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * The travel connector: turns schema.org reservation markup (Gmail email markup in JSON-LD or microdata) into one
 * finding per booked leg: flights, hotel stays, train and bus trips, rental cars, events and restaurant tables. A mail
 * without markup is read from its iCalendar parts ({@link CalendarReservations}), else from its text and HTML tables
 * ({@link TextReservations}); see docs/travel.md.
 *
 * <p>Reservations are found at the top level of the message's structured data and nested anywhere in it (a
 * {@code @graph}, a list, an Order's or a Person's properties, a forwarded message), but not in
 * {@code potentialAction}, which describes bookings one could make. Each finding is the reservation as the sender
 * wrote it, cleaned: strings trimmed, type names without vocabulary prefix, the specific reservation type (a bare
 * {@code Reservation} for a Flight becomes a {@code FlightReservation}) and a typed {@code reservationFor}.
 * Reservations without a {@code reservationFor} are skipped.
 *
 * <p>Keys: reservation type + booking reference ({@code reservationNumber}, else the person it is under) + what
 * identifies the leg. With a booking reference, what survives a schedule change: a flight's airline and number, a
 * train's or bus's number and departure station, a hotel's, event's or restaurant's name (a rental car: the booking
 * alone); without one the departure day or start is part of it too ({@link ReservationKind#legIdentity}). A re-sent,
 * rescheduled or cancelled confirmation therefore gives the key of the earlier finding (docs/travel.md, "Keys").
 *
 * <p>Stateless and thread-safe.
 *
 * <p>Prefilter ({@link #interestedIn(EmailHeaders)}): the keyword table {@code prefilter.txt} next to this class
 * (booking words in English, French, German, Spanish, Italian, Dutch and Portuguese, and well-known travel senders),
 * matched against the subject, the sender's name and address; forwards and iCalendar messages always pass. A message
 * it declines is never fetched, so a booking from an unknown sender under a subject without any booking word is lost:
 * the price of not parsing all mail (see docs/connectors.md, "Header prefilters").
 */
public final class TravelConnector implements Connector {

    private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(
            "travel", ConnectorDescriptor.versionOf(TravelConnector.class), SpiVersion.CURRENT,
            Set.of("FlightReservation", "LodgingReservation", "TrainReservation", "BusReservation",
                    "RentalCarReservation", "EventReservation", "FoodEstablishmentReservation"),
            ReadScope.BODIES,
            "Finds flight, hotel, train, bus, rental car, event and restaurant bookings in the schema.org markup, "
                    + "iCalendar parts and text of confirmation mails, one per booked leg.");

    private static final HeaderPrefilter PREFILTER = HeaderPrefilter.load(TravelConnector.class, "prefilter.txt")
            .orContentType("text/calendar", "application/ics");

    private final ReservationExtractor extractor = new ReservationExtractor();

    /** Created by {@link java.util.ServiceLoader}. */
    public TravelConnector() {
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
        try {
            return read(email);
        } finally {
            Labels.forgetLines(); // no line of this mail stays in memory after it
        }
    }

    private List<Finding> read(Email email) {
        List<Finding> marked = extractor.extract(email.allStructuredData());
        if (!marked.isEmpty()) {
            return marked; // the sender's own markup is more reliable than anything read from prose
        }
        List<Email> messages = new ArrayList<>();
        collect(email, messages);
        String subject = email.headers().subject() == null ? "" : email.headers().subject();
        // each body's lines once: the HTML scan is the dearest step of a mail that holds nothing, and the calendar
        // and text readings both need them
        List<List<String>> bodies = new ArrayList<>(messages.size());
        List<Map<String, Object>> items = new ArrayList<>();
        for (Email message : messages) {
            List<String> lines = lines(message);
            bodies.add(lines);
            for (String calendar : message.calendars()) {
                items.addAll(CalendarReservations.extract(calendar, lines, subject));
            }
        }
        if (items.isEmpty()) {
            items.addAll(fromText(email, messages, bodies, subject));
        } else if (items.stream().anyMatch(TravelConnector::isFlightWithoutAirports)) {
            // a calendar event names cities ("London to New York"); the body may print the same flight's airports
            List<Map<String, Object>> text = fromText(email, messages, bodies, subject);
            items.replaceAll(item -> isFlightWithoutAirports(item) ? sameFlightWithAirports(item, text) : item);
        }
        return extractor.extract(items);
    }

    private static List<Map<String, Object>> fromText(Email email, List<Email> messages, List<List<String>> bodies,
            String subject) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            Email message = messages.get(i);
            String ownSubject = message == email ? subject : subject + " " + message.headers().subject();
            Optional<LocalDate> dated = sent(message).or(() -> sent(email));
            // without a Date header, what the mail's own dates say before today: an old mail's "04MAR" is not next March
            int body = i;
            LocalDate sent = dated.or(() -> PrintedSendDate.in(bodies.get(body)))
                    .orElseGet(() -> LocalDate.now(ZoneOffset.UTC));
            List<Map<String, Object>> found = new TextReservations(bodies.get(i), sent, dated.isPresent())
                    .extract(ownSubject);
            if (found.isEmpty() && message.html() != null && message.text() != null) {
                found = new TextReservations(MailLines.ofText(message.text()), sent, dated.isPresent())
                        .extract(ownSubject);
            }
            items.addAll(found);
        }
        return items;
    }

    private static boolean isFlightWithoutAirports(Map<String, Object> item) {
        return "FlightReservation".equals(item.get("@type")) && item.get("reservationFor") instanceof Map<?, ?> flight
                && !(flight.containsKey("departureAirport") && flight.containsKey("arrivalAirport"));
    }

    /** The body's reading of the same flight (airline and number) when it has both airports, else the item. */
    private static Map<String, Object> sameFlightWithAirports(Map<String, Object> item, List<Map<String, Object>> text) {
        Map<?, ?> flight = (Map<?, ?>) item.get("reservationFor");
        for (Map<String, Object> candidate : text) {
            if (!"FlightReservation".equals(candidate.get("@type")) || isFlightWithoutAirports(candidate)) {
                continue;
            }
            Map<?, ?> other = (Map<?, ?>) candidate.get("reservationFor");
            if (java.util.Objects.equals(other.get("flightNumber"), flight.get("flightNumber"))
                    && java.util.Objects.equals(other.get("airline"), flight.get("airline"))) {
                Map<String, Object> merged = new java.util.LinkedHashMap<>(candidate);
                item.forEach(merged::putIfAbsent); // the calendar's reference and status where the body gives none
                return merged;
            }
        }
        return item;
    }

    private static void collect(Email email, List<Email> into) {
        into.add(email);
        for (Email inner : email.forwarded()) {
            collect(inner, into);
        }
    }

    private static Optional<LocalDate> sent(Email message) {
        return Optional.ofNullable(message.headers().date()).map(date -> LocalDate.ofInstant(date, ZoneOffset.UTC));
    }

    /** The body as lines: the HTML's, which keep table structure, else the plain text's. */
    private static List<String> lines(Email message) {
        if (message.html() != null) {
            return MailLines.ofHtml(message.html());
        }
        return message.text() == null ? List.of() : MailLines.ofText(message.text());
    }
}
