package io.mailsift.travel;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mailsift.travel.Legs.Token;

/**
 * Reservations in iCalendar parts (RFC 5545): each VEVENT becomes a flight (a flight number and two airport codes in
 * its summary or description), a train or bus trip, a hotel stay, a restaurant table or an event ticket.
 *
 * <p>Parsed here rather than with ical4j: connectors may depend on the JDK and the SPI only (they are untrusted
 * plugins; {@code ModuleBoundariesTest}), and ical4j brings four more jars, process-wide parsing flags and a time-zone
 * updater that can go to the network. What a VEVENT needs is small: unfolded content lines, parameters, text escapes,
 * and DATE / DATE-TIME values with {@code TZID} (IANA names, Windows names via the VTIMEZONE's
 * {@code X-LIC-LOCATION}, or the offset it declares) or UTC, which are turned into the local time of the place.
 */
final class CalendarReservations {

    private record Property(String name, Map<String, String> parameters, String value) {
    }

    private static final Pattern PROPERTY = Pattern.compile("^([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=(?:\"[^\"]*\"|[^:;\"]*)(?:,(?:\"[^\"]*\"|[^:;\"]*))*)*):(.*)$");
    private static final Pattern PARAMETER = Pattern.compile(";([A-Za-z0-9-]+)=(\"[^\"]*\"|[^;]*)");
    private static final Pattern HOTEL_WORDS = Pattern.compile(
            "(?iu)\\b(hotel|hôtel|check-?in|stay|séjour|aufenthalt|übernachtung|estancia|alojamiento|hostel|inn|resort|"
                    + "apartment|appartement|unterkunft|hébergement)\\b");
    private static final Pattern FOOD_WORDS = Pattern.compile(
            "(?iu)\\b(table|tisch|mesa|restaurant|restaurante|dinner|dîner|lunch|déjeuner|cena|almuerzo)\\b");
    private static final Pattern BUS_WORDS = Pattern.compile("(?iu)\\b(bus|flixbus|autobus|autocar|fernbus)\\b");
    private static final Pattern OPERATOR_NUMBER = Pattern.compile("(?iu)\\b(?:amtrak|via rail)\\s+\\d{1,5}\\b");

    /** Train words, and the national railways whose name stands for "train" in a summary ("Amtrak 171: ..."). */
    private static final Pattern TRAIN_WORDS = Pattern.compile(
            "(?iu)\\b(train|zug|bahn|tren|treno|trein|rail|railway|amtrak|via rail)\\b");
    static final Pattern BOOKING_WORDS = Pattern.compile(
            "(?iu)\\b(tickets?|billets?|entradas?|eintrittskarten?|booking|buchung|réservation|reserva|reservation|"
                    + "confirmation|bestätigung|order|bestellung|commande|pedido|registration|anmeldung|inscription|"
                    + "inscripción)\\b");
    private static final Pattern ROUTE = Pattern.compile(
            "([\\p{Lu}][^→>\\n\\t–—]{1,50}?)\\s*(?:→|->|➔|»|>|–|—|\\s-\\s|\\bto\\b|\\bnach\\b"
                    // "à" is no word to Java's \\b; "Tren a Sevilla", "Milano a Roma"
                    + "|(?<=\\s)[àa](?=\\s))\\s*"
                    // "08:24 Hamburg Hbf → 12:02 Frankfurt(Main)Hbf": the arrival's time before its place
                    + "(?:\\d{1,2}[:h.]\\d{2}\\s+)?([\\p{Lu}][^\\n\\t,|·]{1,50})");

    private CalendarReservations() {
    }

    /** Reservations in one iCalendar text; {@code mailLines} lend a booking reference the events lack. */
    static List<Map<String, Object>> extract(String calendar, List<String> mailLines, String subject) {
        List<String> lines = unfold(calendar);
        Map<String, ZoneId> zones = declaredZones(lines);
        Optional<ZoneId> calendarZone = calendarZone(lines, zones);
        boolean cancelCalendar = lines.stream().anyMatch(l -> l.equalsIgnoreCase("METHOD:CANCEL"));
        List<Map<String, Object>> found = new ArrayList<>();
        List<Property> event = null;
        for (String line : lines) {
            if (line.equalsIgnoreCase("BEGIN:VEVENT")) {
                event = new ArrayList<>();
            } else if (line.equalsIgnoreCase("END:VEVENT") && event != null) {
                found.addAll(reservations(event, zones, calendarZone, mailLines, subject, cancelCalendar));
                event = null;
            } else if (event != null) {
                property(line).ifPresent(event::add);
            }
        }
        return found;
    }

    /**
     * An event's reservations: the JSON-LD it carries, else the legs of the journey it lists, else what its summary,
     * description and location say.
     */
    private static List<Map<String, Object>> reservations(List<Property> event, Map<String, ZoneId> zones,
            Optional<ZoneId> calendarZone, List<String> mailLines, String subject, boolean cancelCalendar) {
        List<Map<String, Object>> embedded = embedded(event);
        if (!embedded.isEmpty()) {
            return embedded;
        }
        List<Map<String, Object>> legs = journeyLegs(event, zones, mailLines, cancelCalendar);
        if (!legs.isEmpty()) {
            return legs;
        }
        return reservation(event, zones, calendarZone, mailLines, subject, cancelCalendar).map(List::of)
                .orElse(List.of());
    }

    /** The legs of a journey an event lists stop by stop ({@link JourneyLegs}), with the booking's reference. */
    private static List<Map<String, Object>> journeyLegs(List<Property> event, Map<String, ZoneId> zones,
            List<String> mailLines, boolean cancelCalendar) {
        Optional<Property> start = first(event, "DTSTART");
        String description = text(event, "DESCRIPTION");
        if (start.isEmpty() || start.get().value().strip().length() < 15) {
            return List.of();
        }
        LocalDate day;
        try {
            day = LocalDate.parse(start.get().value().strip().substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeException bad) {
            return List.of();
        }
        List<JourneyLegs.Leg> legs = JourneyLegs.legs(description, day);
        if (legs.isEmpty()) {
            return List.of();
        }
        Optional<ZoneId> declaredStart = declaredZone(start.get(), zones);
        Optional<Property> endProperty = first(event, "DTEND");
        Optional<ZoneId> declaredEnd = endProperty.flatMap(end -> declaredZone(end, zones)).or(() -> declaredStart);
        Optional<ZoneId> startZone = declaredStart;
        Optional<ZoneId> endZone = declaredEnd;
        // the printed times are the stations' clocks; an event in UTC (or another zone) starts at the same moment on
        // another clock: the difference is the stations' offset, and their date the legs' day
        Optional<LocalDateTime> startsAt = declaredStart.flatMap(zone -> localTime(start.get()));
        LocalTime firstDeparture = legs.getFirst().departure().toLocalTime();
        Optional<ZoneOffset> stationOffset = startsAt.flatMap(
                at -> PrintedClock.offset(at, declaredStart.get(), firstDeparture));
        if (stationOffset.isPresent()) {
            ZoneOffset calendarOffset = declaredStart.get().getRules()
                    .getOffset(startsAt.get().atZone(declaredStart.get()).toInstant());
            LocalDate stationDay = startsAt.get()
                    .plusSeconds(stationOffset.get().getTotalSeconds() - calendarOffset.getTotalSeconds())
                    .toLocalDate();
            legs = JourneyLegs.legs(description, stationDay);
            if (legs.isEmpty()) {
                return List.of();
            }
            JourneyLegs.Leg last = legs.getLast();
            Optional<ZoneOffset> arrivalOffset = endProperty
                    .flatMap(end -> declaredEnd.flatMap(zone -> localTime(end)
                            .flatMap(at -> PrintedClock.offset(at, zone, last.arrival().toLocalTime()))));
            startZone = stationOffset.map(ZoneId.class::cast);
            endZone = arrivalOffset.map(ZoneId.class::cast)
                    .or(() -> endProperty.isPresent() ? declaredEnd : stationOffset.map(ZoneId.class::cast));
        }
        Matcher numbered = NUMBERED_SUMMARY.matcher(text(event, "SUMMARY"));
        Optional<String> reference = Labels.reference(List.of(description.split("\n")))
                .or(() -> numbered.find() ? Optional.of(numbered.group(1)) : Optional.empty())
                .or(() -> Labels.reference(mailLines));
        if (first(event, "ATTENDEE").isPresent() && reference.isEmpty()) {
            return List.of(); // an agenda sent among colleagues lists talks, not legs
        }
        List<Map<String, Object>> found = JourneyLegs.reservations(legs, startZone, endZone);
        boolean cancelled = isCancelled(event, cancelCalendar);
        for (Map<String, Object> reservation : found) {
            reference.ifPresent(code -> reservation.put("reservationNumber", code));
            if (cancelled) {
                reservation.put("reservationStatus", "https://schema.org/ReservationCancelled");
            }
        }
        return found;
    }

    /**
     * Whether an event is called off: a CANCEL calendar, STATUS:CANCELLED, or the prefix calendar apps put before the
     * summary of a cancelled event ("Canceled: Flight UA 110", "Abgesagt: …", "Annulé : …", "Cancelado: …").
     */
    private static boolean isCancelled(List<Property> event, boolean cancelCalendar) {
        return cancelCalendar || text(event, "STATUS").equalsIgnoreCase("CANCELLED")
                || CANCELLED_PREFIX.matcher(text(event, "SUMMARY")).find();
    }

    private static final Pattern CANCELLED_PREFIX = Pattern.compile(
            "(?iu)^\\s*(cancell?ed|abgesagt|storniert|annulé|annulée|annulation|cancelad[oa]|anulad[oa]|cancellato|"
                    + "geannuleerd)\\s*:");

    /**
     * An all-day stay's date with the hour the description gives it ("Check-in: 3:00 PM", "Check-out: 12:00"), a
     * time alone on its row; the date alone otherwise.
     */
    private static String atPrintedTime(String date, Labels label, List<String> lines) {
        if (date.length() != 10) {
            return date;
        }
        for (Map.Entry<Integer, String> value : label.values(lines)) {
            List<DateTimes.Found<java.time.LocalTime>> times = DateTimes.times(value.getValue());
            if (times.size() == 1 && !DATE_LIKE.matcher(value.getValue()).find()
                    && value.getValue().length() <= 12) {
                return LocalDate.parse(date).atTime(times.getFirst().value()).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            }
        }
        return date;
    }

    private static final Pattern DATE_LIKE = Pattern.compile("\\d{1,2}[./-]\\d{1,2}|\\d{4}");

    /** "#9876543210: From Vienna to Brno": a booking's number heading the summary of its journey. */
    private static final Pattern NUMBERED_SUMMARY = Pattern.compile("^\\s*#\\s?([A-Z0-9]{6,20})\\s*:");

    /** A DATE-TIME value's clock reading, in whatever zone it is written in. */
    private static Optional<LocalDateTime> localTime(Property date) {
        String value = date.value().strip();
        if (value.length() < 15) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(value.substring(0, 15),
                    DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss", Locale.ROOT)));
        } catch (DateTimeException bad) {
            return Optional.empty();
        }
    }

    /** The zone a DATE-TIME value is written in: its TZID's, or UTC's; empty for a floating time. */
    private static Optional<ZoneId> declaredZone(Property date, Map<String, ZoneId> zones) {
        if (date.value().strip().endsWith("Z")) {
            return Optional.of(ZoneOffset.UTC);
        }
        return Optional.ofNullable(date.parameters().get("TZID")).flatMap(tzid -> zone(tzid, zones));
    }

    /** The reservations an event carries as JSON-LD in its own X- properties ({@link EmbeddedReservations}). */
    private static List<Map<String, Object>> embedded(List<Property> event) {
        List<Map<String, Object>> found = new ArrayList<>();
        for (Property property : event) {
            if (property.name().startsWith("X-")) {
                found.addAll(EmbeddedReservations.in(property.value()));
            }
        }
        return found;
    }

    /** The calendar's own zone: its {@code X-WR-TIMEZONE}, else the only zone it declares. */
    private static Optional<ZoneId> calendarZone(List<String> lines, Map<String, ZoneId> zones) {
        for (String line : lines) {
            if (line.regionMatches(true, 0, "X-WR-TIMEZONE:", 0, 14)) {
                Optional<ZoneId> named = zone(line.substring(14).strip(), zones);
                if (named.isPresent()) {
                    return named;
                }
            }
        }
        return zones.size() == 1 ? Optional.of(zones.values().iterator().next()) : Optional.empty();
    }

    private static Optional<Map<String, Object>> reservation(List<Property> event, Map<String, ZoneId> zones,
            Optional<ZoneId> calendarZone, List<String> mailLines, String subject, boolean cancelCalendar) {
        String summary = CANCELLED_PREFIX.matcher(text(event, "SUMMARY")).replaceFirst("").strip();
        String description = text(event, "DESCRIPTION");
        String location = text(event, "LOCATION");
        Optional<Property> start = first(event, "DTSTART");
        if (start.isEmpty()) {
            return Optional.empty();
        }
        Optional<Property> end = first(event, "DTEND");
        String all = summary + "\n" + description + "\n" + location;
        boolean saysJourney = !Legs.trainNumbers(summary).isEmpty() || TRAIN_WORDS.matcher(summary).find()
                || BUS_WORDS.matcher(summary).find() || !Legs.trainNumbers(description).isEmpty()
                && ROUTE.matcher(stripNumbers(description)).find();
        Optional<Map<String, Object>> trip;
        List<String> eventLines = new ArrayList<>(List.of(description.split("\n")));
        Optional<String> reference = Labels.reference(eventLines).or(() -> Labels.reference(mailLines));
        boolean booked = reference.isPresent() || BOOKING_WORDS.matcher(all + "\n" + subject).find();
        // a meeting invitation ("Lunch will be provided", "the talk will take place in Room 4") books nothing unless
        // it says so: its attendees are colleagues, not a restaurant's or a box office's guests
        boolean invitation = first(event, "ATTENDEE").isPresent();
        // a venue's city is surer than a TZID that is only the exporter's (a Windows name, a writer's own zone): the
        // time is shown where it happens, as a station's is
        Optional<ZoneId> venue = Airports.zoneOfPlace(location + " " + summary);
        boolean venueWins = venue.isPresent() && !namesRegion(start.get(), zones);
        Optional<ZoneId> here = venue
                .or(() -> offsetOfPrintedTime(start.get(), description + "\n" + String.join("\n", mailLines)))
                .or(() -> calendarZone);
        Map<String, Object> reservation = new LinkedHashMap<>();
        List<Token> flights = Legs.flightNumbers(summary + "\n" + description);
        List<Token> airports = Legs.airports(summary + "\n" + description + "\n" + location);
        List<String> printed = airports.stream().map(Token::value).distinct().limit(2).toList();
        List<String> codes = !flights.isEmpty() && printed.size() < 2
                ? airportsOnRoute(summary + "\n" + description) : printed;
        Optional<List<String>> cities = !flights.isEmpty() && codes.size() < 2
                ? citiesOnRoute(summary + "\n" + description).or(() -> flightTo(summary, location))
                : Optional.empty();
        // "Lufthansa Express Rail LH 3417 Köln Hbf - Frankfurt Flughafen", "FlixBus N1045: Frankfurt (Main) Hbf → …":
        // a rail or coach leg sold under a flight-like number is a train or a bus between stations, not a flight
        boolean railCodes = !AirRailLegs.stationCodes(summary + "\n" + description).isEmpty();
        boolean groundLeg = railCodes || AirRailLegs.RAIL_PRODUCT.matcher(summary).find() || TRAIN_WORDS.matcher(summary).find()
                || BUS_WORDS.matcher(summary).find() || STATIONS.matcher(summary).find();
        if (!flights.isEmpty() && codes.size() == 2 && !groundLeg) {
            Map<String, Object> flight = Legs.flight(flights.getFirst().value(), codes.get(0), codes.get(1));
            flight.put("departureTime", time(start.get(), zones, Legs.zoneOf(codes.get(0)), true));
            end.ifPresent(e -> flight.put("arrivalTime", time(e, zones, Legs.zoneOf(codes.get(1)), true)));
            reservation.put("@type", "FlightReservation");
            reservation.put("reservationFor", flight);
        } else if (CalendarRentals.isRental(summary, description) && flights.isEmpty()
                // "Team offsite: car rental logistics" among colleagues books no car
                && (!invitation || reference.isPresent())) {
            CalendarRentals.fill(reservation, summary, description, location);
            reservation.put("pickupTime", time(start.get(), zones, here, venueWins));
            end.ifPresent(e -> reservation.put("dropoffTime", time(e, zones, here, venueWins)));
        } else if (HOTEL_WORDS.matcher(summary).find() || isAllDay(start.get()) && HOTEL_WORDS.matcher(all).find()) {
            Map<String, Object> hotel = new LinkedHashMap<>();
            hotel.put("@type", "LodgingBusiness");
            hotel.put("name", hotelName(summary, location));
            if (!location.isBlank()) {
                hotel.put("address", location.strip());
            }
            reservation.put("@type", "LodgingReservation");
            reservation.put("reservationFor", hotel);
            reservation.put("checkinTime", atPrintedTime(time(start.get(), zones, here, false), Labels.CHECKIN,
                    eventLines));
            end.ifPresent(e -> reservation.put("checkoutTime", atPrintedTime(time(e, zones, here, false),
                    Labels.CHECKOUT, eventLines)));
        } else if ((trip = railCodes ? railLegOfCodes(summary + "\n" + description, start.get(), end, zones)
                : Optional.empty()).isPresent()
                || (trip = trip(summary, description, location, all, groundLeg ? List.of() : flights, start.get(),
                        end, zones, here)).filter(t -> PersonalInvitations.namesStations(t, reference))
                        .isPresent()) {
            boolean bus = "BusTrip".equals(trip.get().get("@type"));
            reservation.put("@type", bus ? "BusReservation" : "TrainReservation");
            reservation.put("reservationFor", trip.get());
        } else if (cities.isPresent() && !groundLeg) {
            // "BA0117 London to New York": cities of several airports; the airport a name does not decide is left out
            String from = cities.get().get(0);
            String to = cities.get().get(1);
            Optional<String> fromCode = airportOf(from);
            Optional<String> toCode = airportOf(to);
            Map<String, Object> flight = Legs.flight(flights.getFirst().value(), fromCode, toCode);
            flight.put("departureTime", time(start.get(), zones,
                    fromCode.flatMap(Legs::zoneOf).or(() -> Airports.zoneOfCity(from)), true));
            end.ifPresent(e -> flight.put("arrivalTime", time(e, zones,
                    toCode.flatMap(Legs::zoneOf).or(() -> Airports.zoneOfCity(to)), true)));
            reservation.put("@type", "FlightReservation");
            reservation.put("reservationFor", flight);
        } else if (saysJourney || CalendarRentals.isTransfer(summary) || hasArrowRoute(summary)) {
            // a train or bus whose stations the event does not tell, a transfer's ride, or a journey of a kind not
            // known ("SJ 531 Stockholm C → Göteborg C"): none is a show
            return Optional.empty();
        } else if ((FOOD_WORDS.matcher(summary).find() || isTable(summary, description, subject))
                && (!invitation || booked)) {
            Map<String, Object> restaurant = new LinkedHashMap<>();
            restaurant.put("@type", "FoodEstablishment");
            restaurant.put("name", location.isBlank() ? restaurantOfSummary(summary) : location.split(",")[0].strip());
            reservation.put("@type", "FoodEstablishmentReservation");
            reservation.put("reservationFor", restaurant);
            reservation.put("startTime", time(start.get(), zones, here, venueWins));
        } else if ((booked && PersonalInvitations.showBooked(invitation, reference, all, subject, mailLines)
                // the mail around the calendar speaks of the tickets when the event itself names only the artist
                || !invitation && mailLines.stream()
                        .anyMatch(line -> AdmissionWords.TICKETS.matcher(line).find())
                // a box office's seats ("Row F, Seats 11-12"), not an invitation's ("Team photo: Row B, seats 4-6")
                || !invitation && PersonalInvitations.seated(description))
                // a flight-like price category or block ("PK 2") is a flight's only where the event speaks of flying
                && (Legs.flightNumbers(Legs.withoutPostcodes(summary + "\n" + description)).isEmpty()
                        || !FLYING.matcher(all).find() && airports.isEmpty())
                // one code-like word ("ZAZ - Live") is no route
                && codes.size() < 2 && Legs.trainNumbers(all).isEmpty() && !routeOfCities(summary)) {
            Map<String, Object> happening = new LinkedHashMap<>();
            happening.put("@type", "Event");
            happening.put("name", ShowNames.ofSummary(summary));
            happening.put("startDate", time(start.get(), zones, here, venueWins));
            end.ifPresent(e -> happening.put("endDate", time(e, zones, here, venueWins)));
            if (!location.isBlank()) {
                happening.put("location", Map.of("@type", "Place", "name", location.split(",")[0].strip(),
                        "address", location.strip()));
            }
            reservation.put("@type", "EventReservation");
            reservation.put("reservationFor", happening);
        } else {
            return Optional.empty(); // a meeting or a reminder, not a booking
        }
        // a code after a bare booking word numbers what is booked; it does not make a meeting a booking
        reference.or(() -> BookingCodes.in(eventLines)).or(() -> BookingCodes.in(List.of(summary)))
                .or(() -> BookingCodes.in(mailLines))
                .ifPresent(code -> reservation.put("reservationNumber", code));
        if (isCancelled(event, cancelCalendar)) {
            reservation.put("reservationStatus", "https://schema.org/ReservationCancelled");
        }
        return Optional.of(reservation);
    }

    /**
     * A train or bus trip, when the summary or description says one (a train or coach number, a train or bus word, a
     * route between rail stations) and names its two ends.
     */
    private static Optional<Map<String, Object>> trip(String summary, String description, String location, String all,
            List<Token> flights, Property start, Optional<Property> end, Map<String, ZoneId> zones,
            Optional<ZoneId> here) {
        if (Legs.trainNumbers(summary + "\n" + description).isEmpty() && !TRAIN_WORDS.matcher(summary).find()
                && !BUS_WORDS.matcher(summary).find() && !AirRailLegs.RAIL_PRODUCT.matcher(summary).find()
                && !(STATIONS.matcher(summary).find() && ROUTE.matcher(stripNumbers(summary)).find()
                        && flights.isEmpty())) {
            return Optional.empty();
        }
        boolean bus = BUS_WORDS.matcher(summary).find() && Legs.trainNumbers(summary).isEmpty();
        String routed = stripNumbers(summary);
        Matcher route = ROUTE.matcher(routed);
        String from;
        String to;
        String fromAfter = "";
        if (route.find()) {
            from = route.group(1).strip();
            to = arrivalOf(routed, route);
            fromAfter = departureAfter(routed, route);
        } else {
            routed = stripNumbers(description);
            Matcher inDescription = ROUTE.matcher(routed);
            Optional<List<String>> ends = StationTimes.ends(description);
            if (ends.isPresent()) {
                from = ends.get().get(0);
                to = ends.get().get(1);
            } else if (inDescription.find()) {
                from = inDescription.group(1).strip();
                to = arrivalOf(routed, inDescription);
                fromAfter = departureAfter(routed, inDescription);
            } else if (hasArrowRoute(location)) {
                // the event's place is the route: "LOCATION:Paris Gare du Nord → London St Pancras International"
                Matcher inLocation = ROUTE.matcher(location);
                if (!inLocation.find()) {
                    return Optional.empty();
                }
                from = inLocation.group(1).strip();
                to = arrivalOf(location, inLocation);
            } else {
                return Optional.empty();
            }
        }
        // "Lufthansa Express Rail LH 3417 Köln Hbf", "FlixBus N1045: Frankfurt (Main) Hbf": the place follows the number
        Matcher number = FLIGHT_NUMBER_LIKE.matcher(from);
        int after = -1;
        while (number.find()) {
            if (number.group().chars().anyMatch(Character::isLetter)) {
                after = number.end();
            }
        }
        if (after > 0 && after < from.length()) {
            from = LEADING_PUNCTUATION.matcher(from.substring(after)).replaceFirst("");
        }
        from = UP_TO_FROM_WORD.matcher(from).replaceFirst("").strip();
        // the kind of trip and a time before the place are not the place: "Zug: 08:24 Hamburg Hbf"
        from = TRIP_WORDS.matcher(from).replaceFirst("");
        from = LEADING_TIME.matcher(from).replaceFirst("");
        from = TIME_AND_AFTER.matcher(from).replaceFirst("").strip();
        from = UP_TO_COLON.matcher(from).replaceFirst("").strip();
        from = withoutSeatRemark(from); // "Hamburg Hbf (Gl. 7)"
        to = ViaStops.lastStop(TIME_AND_AFTER.matcher(to).replaceAll("").strip(), description);
        to = EMPTY_BRACKETS.matcher(to).replaceAll("").strip(); // "Berlin Hbf (ICE 145)" without its number
        // "Train to Manchester Piccadilly": the event's location is where it starts
        String where = location.split(",")[0].strip();
        if (from.isEmpty() && !where.isEmpty() && !where.equalsIgnoreCase(to)) {
            from = where;
        }
        // "Zug nach Dresden Hbf ab Frankfurt(Main)Hbf": the departure after the arrival
        if (from.isEmpty() && !fromAfter.isEmpty()) {
            from = fromAfter;
        }
        if (from.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> trip = new LinkedHashMap<>();
        trip.put("@type", bus ? "BusTrip" : "TrainTrip");
        // a coach's line ("Linie N1045", "Ligne 1603"); a coach or seat number is no line
        List<Token> numbers = bus ? Legs.busNumbers(summary + "\n" + description)
                : Legs.trainNumbers(summary + "\n" + description);
        Matcher named = OPERATOR_NUMBER.matcher(summary);
        if (!numbers.isEmpty()) {
            trip.put(bus ? "busNumber" : "trainNumber", numbers.getFirst().value());
        } else if (!bus && named.find()) {
            trip.put("trainNumber", named.group().strip()); // "Amtrak 171: New York, NY - Washington, DC"
        }
        String stop = bus ? "BusStop" : "TrainStation";
        trip.put(bus ? "departureBusStop" : "departureStation", Map.of("@type", stop, "name", from));
        trip.put(bus ? "arrivalBusStop" : "arrivalStation", Map.of("@type", stop, "name", to));
        // a UTC time is shown at the station: its city, else the country its station words name, else the mail's
        // printed time or the calendar's own zone ("Hamburg Hbf", "Gare de Lyon", X-WR-TIMEZONE)
        String places = from + " " + to + " " + description;
        // the departure's own city first: a calendar may put the destination in its location
        // a station named after its city is surer than the TZID of whoever exported the calendar (Outlook's "W. Europe
        // Standard Time" for a Eurostar leaving London): its time is shown there, as a flight's at its airport
        Optional<ZoneId> departureCity = Airports.zoneOfPlace(from);
        Optional<ZoneId> station = departureCity.or(() -> Airports.zoneOfPlace(location + " " + summary))
                .or(() -> Airports.zoneOfPlace(places)).or(() -> zoneOfStationWords(all)).or(() -> here);
        trip.put("departureTime", time(start, zones, station, departureCity.isPresent() && !namesRegion(start, zones)));
        // "Eurostar London St Pancras to Paris Gare du Nord": the arrival is shown at the arrival's station
        Optional<ZoneId> arrivalCity = Airports.zoneOfPlace(to);
        Optional<ZoneId> arrival = arrivalCity.or(() -> station);
        end.ifPresent(e -> trip.put("arrivalTime", time(e, zones, arrival, arrivalCity.isPresent()
                && !namesRegion(e, zones))));
        return Optional.of(trip);
    }

    /**
     * A rail leg an airline sold under a flight number, between the codes it prints ("Hamburg (ZMB) - Frankfurt
     * (FRA)"): a station of the air+rail table and an airport, or two stations. Each end is named as the table or the
     * airport table names it, with its code; each time is in its own end's zone. The flight number is no train's.
     */
    private static Optional<Map<String, Object>> railLegOfCodes(String text, Property start, Optional<Property> end,
            Map<String, ZoneId> zones) {
        List<Token> codes = new ArrayList<>(AirRailLegs.stationCodes(text));
        codes.addAll(Legs.airports(text));
        codes.sort(java.util.Comparator.comparingInt(Token::start));
        List<String> ends = codes.stream().map(Token::value).distinct().limit(2).toList();
        if (ends.size() < 2) {
            return Optional.empty();
        }
        Map<String, Object> trip = new LinkedHashMap<>();
        trip.put("@type", "TrainTrip");
        List<Token> numbers = Legs.trainNumbers(text);
        if (!numbers.isEmpty()) {
            trip.put("trainNumber", numbers.getFirst().value());
        }
        trip.put("departureStation", stationOfCode(ends.get(0)));
        trip.put("arrivalStation", stationOfCode(ends.get(1)));
        trip.put("departureTime", time(start, zones, zoneOfCode(ends.get(0)), true));
        end.ifPresent(e -> trip.put("arrivalTime", time(e, zones, zoneOfCode(ends.get(1)), true)));
        return Optional.of(trip);
    }

    private static Map<String, Object> stationOfCode(String code) {
        String name = AirRailLegs.station(code).map(AirRailLegs.Station::name)
                .orElseGet(() -> Airports.airport(code).map(Airports.Airport::name).orElse(code));
        return Map.of("@type", "TrainStation", "name", name, "iataCode", code);
    }

    private static Optional<ZoneId> zoneOfCode(String code) {
        return AirRailLegs.station(code).map(AirRailLegs.Station::zone).or(() -> Legs.zoneOf(code));
    }

    // compiled once: String.replaceAll, replaceFirst and split with a regular expression compile it on every call
    /** "Train from London Euston", "Reise von Hamburg": not the "de" inside "Paris Gare de Lyon". */
    private static final Pattern UP_TO_FROM_WORD = Pattern.compile(
            "(?iu)^(?:[^\\p{Lu}]*?|.*?\\b(?:train|zug|bahn|tren|bus|trip|journey|fahrt|reise|voyage|viaje|trajet|"
                    + "ride|travel|fahrkarte|billet|billete|ticket)\\s+)\\b(from|von|de|desde|ab)\\s+");
    private static final Pattern TRIP_WORDS = Pattern.compile(
            "(?iu)^(?:(?:train|zug|bahn|tren|treno|trein|bus|trip|journey|fahrt|reise|bahnfahrt|zugfahrt|zugreise|"
                    + "bahnreise|voyage|"
                    + "viaje|trajet|ride|aller|retour|hinfahrt|rückfahrt|ida|vuelta|outbound|return)\\b\\s*[:-]?\\s*)+");
    private static final Pattern FLYING = Pattern.compile(
            "(?iu)\\b(flights?|flug|vols?|vuelos?|boarding|airlines?|airport|flughafen|aéroport|aeropuerto|terminal|gate)\\b");
    private static final Pattern UP_TO_COLON = Pattern.compile("^[^:]*:\\s+(?=\\p{L})");
    private static final Pattern LEADING_TIME = Pattern.compile("^\\d{1,2}[:h.]\\d{2}\\s*");
    private static final Pattern TIME_AND_AFTER = Pattern.compile("\\s+\\d{1,2}[:h.]\\d{2}.*$");
    private static final Pattern FLIGHT_NUMBER_LIKE = Pattern.compile("(?<![\\p{L}\\d])[A-Z0-9]{2} ?\\d{1,4}(?!\\d)");
    private static final Pattern REMARK = Pattern.compile("\\s+\\(.*$");
    private static final Pattern LEADING_PUNCTUATION = Pattern.compile("^[\\s:,-]+");
    private static final Pattern STAY_WORDS = Pattern.compile(
            "(?iu)^(hotel stay|stay|check-?in|séjour|aufenthalt|übernachtung|estancia|reserva|booking|"
                    + "hotel reservation|réservation)\\s*(?:at|à|au|im|in|en|:|-|–)?\\s*");
    private static final Pattern EMPTY_BRACKETS = Pattern.compile("\\s*\\(\\s*\\)");
    private static final Pattern QUOTES = Pattern.compile("^\"|\"$");
    private static final Pattern LEADING_SLASH = Pattern.compile("^/");
    private static final Pattern FOLDED_LINE = Pattern.compile("\\r?\\n[ \\t]");
    private static final Pattern LINE_BREAK = Pattern.compile("\\r?\\n");

    /** A show's seats and doors, which a table's booking does not speak of; a ticket's are {@link AdmissionWords}. */
    private static final Pattern SHOW_WORDS = Pattern.compile("(?iu)\\b(doors|seats?|sitzplatz|place|asiento)\\b");

    /**
     * A table whose summary is only the restaurant's name ("Dishoom Carnaby"): the description gives a party's size
     * ("Party of 4", "2 personnes") or a restaurant word, and nothing speaks of tickets or seats.
     */
    private static boolean isTable(String summary, String description, String subject) {
        return (TextReservations.PARTY.matcher(description).find() || FOOD_WORDS.matcher(description).find())
                && !AdmissionWords.TICKETS.matcher(summary + "\n" + description + "\n" + subject).find()
                && !SHOW_WORDS.matcher(summary + "\n" + description + "\n" + subject).find();
    }

    /** "Table for 2 at Lupa Osteria", "Dîner chez Paul": the restaurant the summary names, else the summary. */
    private static String restaurantOfSummary(String summary) {
        Matcher m = AT_PLACE.matcher(summary.strip());
        return m.find() ? m.group(1).strip() : summary.strip();
    }

    private static final Pattern AT_PLACE = Pattern.compile("(?u)\\s(?:at|chez|bei|im|au|en)\\s+(\\p{Lu}.*)$");

    /**
     * The offset at which a UTC start is the time the mail prints for that day ("samedi 20 mars 2027 à 20h00" for
     * 19:00Z): where neither the calendar nor the place tells the zone, the mail's own wording does.
     */
    private static Optional<ZoneId> offsetOfPrintedTime(Property start, String text) {
        String value = start.value().strip();
        if (!value.endsWith("Z") || value.length() < 16) {
            return Optional.empty();
        }
        LocalDateTime utc;
        try {
            utc = LocalDateTime.parse(value.substring(0, 15), DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss", Locale.ROOT));
        } catch (DateTimeException bad) {
            return Optional.empty();
        }
        List<DateTimes.Found<java.time.LocalDate>> dates = DateTimes.dates(text, utc.toLocalDate().minusDays(7),
                DateTimes.usesTwelveHourClock(text));
        for (DateTimes.Found<java.time.LocalDate> date : dates) {
            if (Math.abs(date.value().toEpochDay() - utc.toLocalDate().toEpochDay()) > 1) {
                continue;
            }
            String after = text.substring(date.end(), Math.min(text.length(), date.end() + 40));
            List<DateTimes.Found<java.time.LocalTime>> times = DateTimes.times(after);
            if (times.isEmpty()) {
                continue;
            }
            long minutes = java.time.Duration.between(utc, date.value().atTime(times.getFirst().value())).toMinutes();
            if (Math.abs(minutes) <= 14 * 60 && minutes % 15 == 0) {
                return Optional.of(ZoneOffset.ofTotalSeconds((int) minutes * 60));
            }
        }
        return Optional.empty();
    }

    /** "Hamburg Hbf → Frankfurt(Main)Hbf": a route between stations is a rail journey, named or not. */
    private static final Pattern STATIONS = Pattern.compile(
            "(?iu)(hbf\\b|hauptbahnhof|bahnhof\\b|\\bgare (?:de|du|d'|saint)|\\bestación de tren|\\bstazione\\b|"
                    + "\\bst pancras\\b|\\bkings? cross\\b|\\beuston\\b|\\bpaddington\\b)");
    private static final Pattern GERMAN_STATION = Pattern.compile("(?iu)\\b(hbf|hauptbahnhof|bahnhof)\\b");
    private static final Pattern FRENCH_STATION = Pattern.compile("(?iu)\\b(gare|sncf)\\b");
    private static final Pattern SPANISH_STATION = Pattern.compile("(?iu)\\b(estación|renfe)\\b");
    private static final Pattern ITALIAN_STATION = Pattern.compile("(?iu)\\b(stazione|trenitalia)\\b");

    /** The zone the words of a rail station's name imply: the rules of Germany, Austria and Switzerland are one. */
    private static Optional<ZoneId> zoneOfStationWords(String text) {
        if (GERMAN_STATION.matcher(text).find()) {
            return Optional.of(ZoneId.of("Europe/Berlin"));
        }
        if (FRENCH_STATION.matcher(text).find()) {
            return Optional.of(ZoneId.of("Europe/Paris"));
        }
        if (SPANISH_STATION.matcher(text).find()) {
            return Optional.of(ZoneId.of("Europe/Madrid"));
        }
        if (ITALIAN_STATION.matcher(text).find()) {
            return Optional.of(ZoneId.of("Europe/Rome"));
        }
        return Optional.empty();
    }

    /**
     * Whether the summary is a route between two places whose names start with cities, with an arrow or a station's
     * word ("Valencia Joaquín Sorolla - Barcelona Sants", "Lyon → Turin"): a journey whose kind the event does not
     * say, not a show ("ZAZ - Live", "Barcelona - Valencia" at a stadium).
     */
    private static boolean routeOfCities(String summary) {
        String routed = stripNumbers(summary);
        Matcher route = ROUTE.matcher(routed);
        while (route.find()) {
            String from = route.group(1).strip();
            String to = route.group(2).strip();
            String between = routed.substring(route.end(1), route.start(2));
            if (startsWithCity(from) && startsWithCity(to)
                    && (ARROW.matcher(between).find() || STATION_WORD.matcher(from + " " + to).find())) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern ARROW = Pattern.compile("→|->|➔|»|>");
    /**
     * Whether a summary is a route with an arrow ("SJ 531 Stockholm C → Göteborg C"). The arrow is looked for first
     * and a long line is none: the pattern's lazy run before the arrow costs a square of a long line without one.
     */
    private static boolean hasArrowRoute(String summary) {
        return summary.length() <= 300 && (summary.indexOf('→') >= 0 || summary.contains("->")
                || summary.indexOf('➔') >= 0 || summary.indexOf('➞') >= 0) && ARROW_ROUTE.matcher(summary).find();
    }

    private static final Pattern ARROW_ROUTE = Pattern.compile("\\p{L}[^→➔➞]*?\\s(?:→|->|➔|➞)\\s*\\p{Lu}");
    private static final Pattern STATION_WORD = Pattern.compile(
            "(?iu)\\b(sants|hbf|hauptbahnhof|bahnhof|gare|station|estación|stazione|termini|centrale|centraal|midi|"
                    + "zob|busbahnhof|gare routière|estación de autobuses)\\b");

    private static boolean startsWithCity(String place) {
        String[] words = place.split("[\\s,()-]+");
        return words.length > 0 && (Airports.isCity(words[0])
                || words.length > 1 && Airports.isCity(words[0] + " " + words[1]));
    }

    /** Airports of a route printed with names ("Frankfurt - Berlin", "London Gatwick to Valencia"). */
    private static List<String> airportsOnRoute(String text) {
        Matcher route = ROUTE.matcher(stripNumbers(FLIGHT_NUMBER_LIKE.matcher(text).replaceAll(" ")));
        while (route.find()) {
            Optional<Airports.Airport> from = Airports.ofPlaceName(route.group(1));
            Optional<Airports.Airport> to = Airports.ofPlaceName(withoutRemark(route.group(2)));
            if (from.isPresent() && to.isPresent() && !from.get().code().equals(to.get().code())) {
                return List.of(from.get().code(), to.get().code());
            }
        }
        return List.of();
    }

    /**
     * A route of two names of cities the airport table knows, at least one of which decides no airport ("London to
     * New York"): the names, departure first.
     */
    private static Optional<List<String>> citiesOnRoute(String text) {
        Matcher route = ROUTE.matcher(stripNumbers(FLIGHT_NUMBER_LIKE.matcher(text).replaceAll(" ")));
        while (route.find()) {
            String from = route.group(1).strip();
            String to = withoutRemark(route.group(2));
            if (from.length() <= 40 && to.length() <= 40 && Airports.zoneOfCity(from).isPresent()
                    && Airports.zoneOfCity(to).isPresent() && !Labels.fold(from).equals(Labels.fold(to))
                    && (Airports.ofPlaceName(from).isEmpty() || Airports.ofPlaceName(to).isEmpty())) {
                return Optional.of(List.of(from, to));
            }
        }
        return Optional.empty();
    }

    /** The airport a place names: its code ("JFK", "Paris (CDG)"), else its name if that decides one. */
    private static Optional<String> airportOf(String place) {
        List<Token> printed = Legs.airports(place);
        return printed.isEmpty() ? Airports.ofPlaceName(place).map(Airports.Airport::code)
                : Optional.of(printed.getFirst().value());
    }

    /** "Flight to London (BA 117)" with the departure as the event's location, as calendars made from mail write it. */
    private static final Pattern FLIGHT_TO = Pattern.compile(
            "(?iu)\\b(?:flight|flug|vol|vuelo)\\s+(?:to|nach|pour|vers|à|a)\\s+(\\p{Lu}[\\p{L} .'’-]{1,40}?)\\s*(?:\\(|,|$)");

    private static Optional<List<String>> flightTo(String summary, String location) {
        Matcher to = FLIGHT_TO.matcher(summary);
        String from = location.strip();
        if (!to.find() || from.isEmpty() || from.length() > 80) {
            return Optional.empty();
        }
        String arrival = to.group(1).strip();
        boolean departurePlace = airportOf(from).isPresent() || Airports.zoneOfCity(from).isPresent();
        boolean arrivalPlace = airportOf(arrival).isPresent() || Airports.zoneOfCity(arrival).isPresent();
        boolean twoPlaces = departurePlace && arrivalPlace
                && (airportOf(from).isEmpty() || !airportOf(from).equals(airportOf(arrival)));
        return twoPlaces ? Optional.of(List.of(from, arrival)) : Optional.empty();
    }

    /**
     * A station without a remark in brackets about the platform or seat ("Lyon Part-Dieu (voie 3)"); a bracket that is
     * part of the name stays ("Frankfurt (Main) Flughafen Fernbahnhof", "Berlin Hbf (tief)").
     */
    private static String withoutSeatRemark(String place) {
        Matcher remark = REMARK.matcher(place);
        return remark.find() && SEAT_WORDS.matcher(remark.group()).find() ? place.substring(0, remark.start()).strip()
                : place.strip();
    }

    private static final Pattern SEAT_WORDS = Pattern.compile(
            "(?iu)\\b(voie|gleis|gl|platform|quai|track|andén|vía|binario|bahnsteig|bussteig|hall|coach|wagen|voiture|coche|seat|"
                    + "platz|place|plaza|"
                    + "posto|carrozza)\\b");

    /**
     * The arrival a route names, up to the end of its line or a remark after it: a platform, coach or seat ("York -
     * Platform 4", "Lyon Part-Dieu, voie 3"), a time, a separator ("|", a tab) or the departure said after it ("Dresden
     * Hbf ab Frankfurt(Main)Hbf"). A comma alone does not end it: "New York, NY (Penn Station)".
     */
    private static String arrivalOf(String text, Matcher route) {
        int lineEnd = text.indexOf('\n', route.start(2));
        String rest = text.substring(route.start(2), lineEnd < 0 ? text.length() : lineEnd);
        Matcher end = ARRIVAL_END.matcher(rest);
        if (end.find()) {
            rest = rest.substring(0, end.start());
        }
        return withoutSeatRemark(TRAILING_PUNCTUATION.matcher(rest).replaceFirst(""));
    }

    /** The departure a route names after its arrival ("nach Dresden Hbf ab Frankfurt(Main)Hbf"), else "". */
    private static String departureAfter(String text, Matcher route) {
        int lineEnd = text.indexOf('\n', route.start(2));
        String rest = text.substring(route.start(2), lineEnd < 0 ? text.length() : lineEnd);
        Matcher after = DEPARTURE_AFTER.matcher(rest);
        return after.find() ? TRAILING_PUNCTUATION.matcher(TIME_AND_AFTER.matcher(after.group(1)).replaceFirst(""))
                .replaceFirst("") : "";
    }

    private static final Pattern ARRIVAL_END = Pattern.compile(
            "(?iu)\\t|\\s\\|\\s?|\\s·\\s|\\s+\\d{1,2}[:h.]\\d{2}|\\s*[,;(]?\\s*[-–—]?\\s*\\b(?:gleis|gl\\.|platform|voie|quai|track|"
                    + "andén|vía|binario|bahnsteig|bussteig|coach|car|carriage|wagen|voiture|coche|seat|sitzplatz|"
                    + "platz|place|plaza|posto|carrozza)\\s*\\w{1,4}\\b|\\s+(?:ab|from|von|desde)\\s+\\p{Lu}");
    private static final Pattern DEPARTURE_AFTER = Pattern.compile(
            "(?u)\\s(?:ab|from|von|desde)\\s+(\\p{Lu}[^\\t|,;]{1,50})");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s,;:-]+$");

    /** A place without the remark in brackets after it ("Lyon Part-Dieu (voie 3)"); "Frankfurt(Main)Hbf" stays. */
    private static String withoutRemark(String place) {
        return REMARK.matcher(place).replaceFirst("").strip();
    }

    private static String stripNumbers(String summary) {
        String out = summary;
        for (Token train : Legs.trainNumbers(summary).reversed()) {
            out = out.substring(0, train.start()) + out.substring(train.end());
        }
        return LEADING_PUNCTUATION.matcher(out).replaceAll("");
    }

    private static String hotelName(String summary, String location) {
        String cleaned = STAY_WORDS.matcher(summary).replaceAll("").strip();
        if (cleaned.isEmpty() && !location.isBlank()) {
            return location.split(",")[0].strip();
        }
        return cleaned.isEmpty() ? summary.strip() : cleaned;
    }

    private static boolean isAllDay(Property date) {
        return "DATE".equalsIgnoreCase(date.parameters().get("VALUE")) || date.value().strip().length() == 8;
    }

    /**
     * A DATE or DATE-TIME value as a local date or a local date-time with its offset: in the place's zone when it
     * is in UTC or {@code placeWins} (an airport's zone is surer than a sender's TZID), else as the TZID says.
     */
    private static String time(Property date, Map<String, ZoneId> zones, Optional<ZoneId> place, boolean placeWins) {
        String value = date.value().strip();
        try {
            if (value.length() == 8) {
                return LocalDate.parse(value, DateTimeFormatter.BASIC_ISO_DATE).toString();
            }
            LocalDateTime local = LocalDateTime.parse(value.substring(0, 15),
                    DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss", Locale.ROOT));
            ZonedDateTime zoned;
            if (value.endsWith("Z")) {
                zoned = local.atZone(ZoneOffset.UTC);
            } else {
                Optional<ZoneId> declared = Optional.ofNullable(date.parameters().get("TZID")).flatMap(
                        tzid -> zone(tzid, zones));
                if (declared.isEmpty() && place.isEmpty()) {
                    return local.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME); // floating: as written
                }
                zoned = local.atZone(declared.orElseGet(place::orElseThrow));
            }
            boolean convert = placeWins || value.endsWith("Z");
            ZonedDateTime atPlace = convert ? place.map(zoned::withZoneSameInstant).orElse(zoned) : zoned;
            return atPlace.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeException | StringIndexOutOfBoundsException bad) {
            return value;
        }
    }

    private static Optional<ZoneId> zone(String tzid, Map<String, ZoneId> declared) {
        String name = LEADING_SLASH.matcher(QUOTES.matcher(tzid).replaceAll("")).replaceFirst("");
        if (declared.containsKey(name)) {
            return Optional.of(declared.get(name));
        }
        if (WINDOWS_ZONES.containsKey(name)) {
            return Optional.of(WINDOWS_ZONES.get(name));
        }
        try {
            return Optional.of(ZoneId.of(name));
        } catch (DateTimeException unknown) {
            return Optional.empty();
        }
    }

    /** The zones the calendar's VTIMEZONEs declare: an IANA location if given, else their standard offset. */
    private static Map<String, ZoneId> declaredZones(List<String> lines) {
        Map<String, ZoneId> zones = new LinkedHashMap<>();
        String tzid = null;
        ZoneId zone = null;
        ZoneOffset summer = null;
        boolean standard = false;
        boolean daylight = false;
        for (String line : lines) {
            Optional<Property> property = property(line);
            if (line.equalsIgnoreCase("BEGIN:VTIMEZONE")) {
                tzid = null;
                zone = null;
                summer = null;
            } else if (line.equalsIgnoreCase("BEGIN:STANDARD")) {
                standard = true;
            } else if (line.equalsIgnoreCase("END:STANDARD")) {
                standard = false;
            } else if (line.equalsIgnoreCase("BEGIN:DAYLIGHT")) {
                daylight = true;
            } else if (line.equalsIgnoreCase("END:DAYLIGHT")) {
                daylight = false;
            } else if (line.equalsIgnoreCase("END:VTIMEZONE") && tzid != null) {
                try {
                    // a declared offset is the standard one only: an IANA name also knows summer time
                    // Outlook's Windows names ("W. Europe Standard Time") declare offsets only: their region knows summer
                    ZoneId windows = WINDOWS_ZONES.get(tzid);
                    // a zone of its own name ("Customized Time Zone") with a summer offset: the region of those rules
                    ZoneId offsets = zone instanceof ZoneOffset winter && summer != null && !summer.equals(winter)
                            ? REGION_OF_OFFSETS.getOrDefault(winter.getId() + "/" + summer.getId(), zone) : zone;
                    zones.put(tzid, windows != null && (zone == null || zone instanceof ZoneOffset) ? windows
                            : zone == null || zone instanceof ZoneOffset && isRegion(tzid) ? ZoneId.of(tzid) : offsets);
                } catch (DateTimeException unknown) {
                    // neither a location nor an IANA name: times in it stay as written
                }
            } else if (property.isPresent()) {
                String name = property.get().name().toUpperCase(Locale.ROOT);
                String value = property.get().value().strip();
                try {
                    if (name.equals("TZID")) {
                        tzid = LEADING_SLASH.matcher(value).replaceFirst("");
                    } else if (name.equals("X-LIC-LOCATION")) {
                        zone = ZoneId.of(value);
                    } else if (name.equals("TZOFFSETTO") && standard && zone == null) {
                        zone = ZoneOffset.of(value.length() == 5 ? value.substring(0, 3) + ":" + value.substring(3)
                                : value);
                    } else if (name.equals("TZOFFSETTO") && daylight) {
                        summer = ZoneOffset.of(value.length() == 5 ? value.substring(0, 3) + ":" + value.substring(3)
                                : value);
                    }
                } catch (DateTimeException ignored) {
                    // a malformed zone line: the zone stays unknown
                }
            }
        }
        return zones;
    }

    /**
     * Whether a value's TZID is an IANA region ("Europe/Madrid"), which a rail operator writes for its station; a
     * Windows name or a bare offset is the zone of whoever exported or forwarded the calendar.
     */
    private static boolean namesRegion(Property date, Map<String, ZoneId> zones) {
        String tzid = date.parameters().get("TZID");
        if (tzid == null) {
            return false;
        }
        String name = LEADING_SLASH.matcher(QUOTES.matcher(tzid).replaceAll("")).replaceFirst("");
        return !WINDOWS_ZONES.containsKey(name) && isRegion(name);
    }

    /**
     * The region whose rules a VTIMEZONE's winter and summer offsets describe, for zones named only by their writer
     * ("Customized Time Zone", "(UTC+01:00) Amsterdam, Berlin"): the one most travel mail with those offsets is for (the
     * EU's, the US's and Australia's summer-time dates).
     */
    private static final Map<String, ZoneId> REGION_OF_OFFSETS = Map.ofEntries(
            Map.entry("Z/+01:00", ZoneId.of("Europe/London")),
            Map.entry("+01:00/+02:00", ZoneId.of("Europe/Berlin")),
            Map.entry("+02:00/+03:00", ZoneId.of("Europe/Helsinki")),
            Map.entry("-04:00/-03:00", ZoneId.of("America/Halifax")),
            Map.entry("-05:00/-04:00", ZoneId.of("America/New_York")),
            Map.entry("-06:00/-05:00", ZoneId.of("America/Chicago")),
            Map.entry("-07:00/-06:00", ZoneId.of("America/Denver")),
            Map.entry("-08:00/-07:00", ZoneId.of("America/Los_Angeles")),
            Map.entry("-09:00/-08:00", ZoneId.of("America/Anchorage")),
            Map.entry("+10:00/+11:00", ZoneId.of("Australia/Sydney")),
            Map.entry("+12:00/+13:00", ZoneId.of("Pacific/Auckland")));

    /** The Windows time-zone names Outlook and Exchange write as TZIDs, for the regions travel mail goes to. */
    private static final Map<String, ZoneId> WINDOWS_ZONES = Map.ofEntries(
            Map.entry("W. Europe Standard Time", ZoneId.of("Europe/Berlin")),
            Map.entry("Romance Standard Time", ZoneId.of("Europe/Paris")),
            Map.entry("Central Europe Standard Time", ZoneId.of("Europe/Budapest")),
            Map.entry("Central European Standard Time", ZoneId.of("Europe/Warsaw")),
            Map.entry("GMT Standard Time", ZoneId.of("Europe/London")),
            Map.entry("Greenwich Standard Time", ZoneId.of("Atlantic/Reykjavik")),
            Map.entry("GTB Standard Time", ZoneId.of("Europe/Bucharest")),
            Map.entry("FLE Standard Time", ZoneId.of("Europe/Helsinki")),
            Map.entry("E. Europe Standard Time", ZoneId.of("Europe/Chisinau")),
            Map.entry("Russian Standard Time", ZoneId.of("Europe/Moscow")),
            Map.entry("Turkey Standard Time", ZoneId.of("Europe/Istanbul")),
            Map.entry("Eastern Standard Time", ZoneId.of("America/New_York")),
            Map.entry("Central Standard Time", ZoneId.of("America/Chicago")),
            Map.entry("Mountain Standard Time", ZoneId.of("America/Denver")),
            Map.entry("Pacific Standard Time", ZoneId.of("America/Los_Angeles")),
            Map.entry("Tokyo Standard Time", ZoneId.of("Asia/Tokyo")),
            Map.entry("China Standard Time", ZoneId.of("Asia/Shanghai")),
            Map.entry("Singapore Standard Time", ZoneId.of("Asia/Singapore")),
            Map.entry("India Standard Time", ZoneId.of("Asia/Kolkata")),
            Map.entry("Arabian Standard Time", ZoneId.of("Asia/Dubai")),
            Map.entry("AUS Eastern Standard Time", ZoneId.of("Australia/Sydney")));

    private static boolean isRegion(String tzid) {
        try {
            return !(ZoneId.of(tzid) instanceof ZoneOffset);
        } catch (DateTimeException unknown) {
            return false;
        }
    }

    private static List<String> unfold(String calendar) {
        String unfolded = FOLDED_LINE.matcher(calendar).replaceAll("");
        List<String> lines = new ArrayList<>();
        for (String line : LINE_BREAK.split(unfolded)) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        return lines;
    }

    private static Optional<Property> property(String line) {
        Matcher m = PROPERTY.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        Matcher p = PARAMETER.matcher(m.group(2));
        while (p.find()) {
            parameters.put(p.group(1).toUpperCase(Locale.ROOT), QUOTES.matcher(p.group(2)).replaceAll(""));
        }
        return Optional.of(new Property(m.group(1).toUpperCase(Locale.ROOT), parameters, m.group(3)));
    }

    private static Optional<Property> first(List<Property> event, String name) {
        return event.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** A TEXT value with its escapes resolved. */
    private static String text(List<Property> event, String name) {
        return first(event, name).map(p -> p.value().replace("\\n", "\n").replace("\\N", "\n")
                .replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\")).orElse("");
    }
}
