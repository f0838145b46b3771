package io.mailsift.travel;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mailsift.connector.JsonLd;
import io.mailsift.travel.DateTimes.Found;
import io.mailsift.travel.Legs.Token;

/**
 * Reservations in a confirmation mail without markup, read from its lines by general rules: the label table
 * ({@link Labels}) in four languages, the patterns of flight and train numbers, airport codes validated against the
 * airport table, dates and times. Precision first: nothing is emitted without a booking reference printed under a
 * reference label, and a leg that starts well before the mail was sent is a past trip (a statement, a review request),
 * not a booking.
 */
final class TextReservations {

    private static final Pattern CANCELLED = Pattern.compile(
            "(?iu)\\b(cancel+ed|cancel+ation|annul[ée]e?s?|annulation|annulliert|annullierung|storniert|stornierung|"
                    + "storno|cancelad[oa]s?|"
                    + "cancelación|anulad[oa]|anulación|stornierungsbestätigung|stornobestätigung)\\b");
    private static final Pattern CANCELLED_IN_BODY = Pattern.compile(
            "(?iu)\\b(has been|have been|was|is|wurde|wurden|ist|a été|ont été|été|est|ha sido|han sido|fue)\\s+"
                    // "wurde erfolgreich storniert", "has been successfully cancelled": one adverb may stand between
                    + "(?:(?:successfully|erfolgreich|bien|correctamente|fully|vollständig)\\s+)?"
                    + "(cancel+ed|storniert|annulliert|annul[ée]e?s?|cancelad[oa]s?|anulad[oa]s?)\\b");
    /** A booking begun and left: the reminder shows the chosen trip, but nothing was booked. */
    private static final Pattern NOT_COMPLETED = Pattern.compile(
            "(?iu)(complete your (booking|reservation|purchase)|finish your (booking|reservation)|"
                    + "(haven't|have not|not yet) (been )?completed|noch nicht abgeschlossen|schließen sie ihre buchung"
                    + "|buchung (jetzt )?abschließen|finalisez votre réservation|terminez votre réservation|"
                    + "pas encore (été )?finalisée?|completa tu reserva|finaliza tu reserva|no has completado|"
                    + "aún no has (completado|finalizado))");
    /** What every match of {@code NOT_COMPLETED} contains, folded. */
    private static final List<String> NOT_COMPLETED_STEMS = List.of("complet", "finish", "abgeschlossen",
            "schließen sie", "abschließen", "finalis", "terminez", "finaliza", "no has");

    /** What a ticket or table is for, as subjects say it: "Your tickets for X", "Votre réservation chez X". */
    private static final Pattern SUBJECT_NAME = Pattern.compile(
            "(?iu)(?:(?:tickets?|billets?|entradas?|karten|booking|reservation|réservation|reservierung|reserva|table|"
                    + "tisch|mesa)\\s+"
                    + "(?:for|at|pour|chez|au|à|für|im|bei|in|para|en)|tickets?\\s+to|you(?:'re| are) going to|"
                    + "(?:reservation|booking|réservation|reserva|reservierung)\\s+(?:confirmed|confirmée|confirmada|bestätigt)"
                    + "\\s+(?:at|chez|au|im|bei|en))\\s+(?-i:the\\s+|le\\s+|la\\s+|el\\s+)?(?:restaurant\\s+|restaurante\\s+)?"
                    // "pour le spectacle « Le Malade imaginaire »": the kind of show before its quoted title
                    + "(?:(?:spectacle|concert|show|film|match|pièce|musical|exposition|exhibition|konzert|vorstellung|"
                    + "stück|espectáculo|concierto|obra|evento|événement)\\s+(?=[\"„“«‹]))?"
                    // a title in quotes: 'Ihre Karten für "Der zerbrochne Krug"', « Les Fourberies de Scapin »
                    + "(?:[\"„“«‹]\\s?)?([\\p{Lu}\\d][^:|\\n\"“”»›]{2,60}?)(?:\\s?[\"“”»›])?"
                    + "(?:\\s*[-–:|(,!]|\\s+(?:on|le|am|el|at|à|um)\\s+\\d"
                    + "|\\s+(?:is|has|was|est|a|ist|wurde|ha|está|fue)\\s|(?<=[\"“”»›])\\s|$)");
    /** "Reservation confirmed for Sunny loft near Alfama": a holiday let's name as its booking site's subject says. */
    private static final Pattern CONFIRMED_FOR = Pattern.compile(
            "(?iu)(?:reservation|booking|réservation|reserva|buchung)\\s+(?:confirmed|confirmée|confirmada|bestätigt)\\s+"
                    + "(?:for|at|pour|à|für|in|para|en)\\s+(\\p{Lu}[^:|\\n]{2,60}?)\\s*$");
    /** "Reservation confirmed: Juniper & Rye", "Reserva cancelada: Apartamentos Mirador": the name after the status. */
    private static final Pattern NAME_AFTER_STATUS = Pattern.compile(
            "(?iu)^(?:(?:re|fwd?|tr|wg|rv)\\s*:\\s*)*(?:your\\s+|votre\\s+|ihre\\s+|tu\\s+)?(?:reservation|booking|réservation|"
                    + "reserva|reservierung|buchung)\\s+(?:is\\s+)?(?:confirmed|cancel+ed|confirmée|annulée|confirmada|cancelada|"
                    + "bestätigt|storniert)\\s*[:–-]\\s*(\\p{Lu}[^:|\\n]{2,60}?)\\s*$");
    private static final Pattern RANGE = Pattern.compile(
            "(?iu)\\s*(?:-|–|—|to|until|bis|au|jusqu'au|al|hasta el|a)\\s*");
    private static final Pattern NIGHTS = Pattern.compile(
            "(?iu)(?<![\\d])([1-9]\\d?)\\s*(nights?|nuits?|nächte|nacht|übernachtungen?|noches?)\\b");
    private static final Pattern TRAIN_WORDS = Pattern.compile(
            "(?iu)\\b(train|rail|railway|bahn|zug|gleis|hbf|gare|sncf|renfe|tren|estación|bahnhof|trainline|lner|"
                    + "eurostar|thalys|ouigo|inoui|tgv|amtrak|trenitalia|italo|iryo|nightjet|railjet|öbb|sbb|"
                    // Czech and Slovak: "vlak", "vlakem", "vlakové dopravy"
                    // (\\b is ASCII-only: after the é of "vlakové" it never holds)
                    + "vlak|vlakem|vlaku|vlaky|"
                    // British train operators and fares, and a train's lettered coach ("Coach C, Seat 42")
                    + "railcard|national rail|avanti west coast|gwr|crosscountry|scotrail|thameslink|"
                    + "southeastern|transpennine express|c2c|chiltern railways|(?-i:Coach [A-Z])(?=,|\\s+seat))\\b"
                    + "|\\bvlakov[áéý](?![\\p{L}])");
    private static final Pattern BUS_WORDS = Pattern.compile(
            "(?iu)\\bautobusov[áéý](?![\\p{L}])|\\b(bus|flixbus|fernbus|autobus|autobusu|autobusem|autobusy|autobús|autobuses|autocares|autocar|alsa|blablacar|coach station|zob|busbahnhof)\\b");
    private static final Pattern BUS_STATIONS = Pattern.compile(
            "(?iu)\\b(estación de autobuses|estación sur de autobuses|gare routière|busbahnhof|bus station)\\b");
    private static final Pattern LEADING_END_WORD = Pattern.compile(
            "(?iu)^(?:depart|departs|departure|arrive|arrives|arrival|abfahrt|ankunft|départ|arrivée|salida|llegada)"
                    + "(?:\\s*:|\\s)");
    /** Words of a place that is more than a name: "New York, NY - Moynihan Train Hall at Penn Station (NYP)". */
    private static final Pattern ADDRESS_LIKE = Pattern.compile("[,(]| - ");
    private static final Pattern US_STATE = Pattern.compile(",\\s*([A-Z]{2})(?![\\p{L}\\d])");
    private static final Pattern PLATFORM_AFTER = Pattern.compile(
            "(?iu)[,;(]\\s*(?:gleis|platform|voie|quai|andén|dársena|darsena|vía|binario|track|bahnsteig|bussteig|steig|"
                    // "(Hall 1 & 2)": one remark may name two
                    + "hall|halle|bay|stand)\\s*\\w{1,4}(?:\\s*(?:&|et|and|und|y|/)\\s*\\w{1,4})?\\)?\\s*$");
    private static final Pattern DAY_AFTER = Pattern.compile("(?<=\\p{L}{2}|\\)) \\d{1,2}[./]\\d{1,2}[./](?:\\d{2}|\\d{4})?$");
    private static final Pattern STATION_CODE_AFTER = Pattern.compile("(?<=\\p{L}{3}) - \\p{Lu}{2,5}$");
    /** A seat, a price or a sentence, not a station's name. */
    private static final Pattern NOT_A_STATION = Pattern.compile(
            "(?iu)(\\b(wagen|voiture|coche|seat|sitzplatz|asiento|platform|gleis|voie|andén|total|ttc|price|preis|"
                    + "prix|precio)\\b|[€$£]|\\p{Ll}{3,}\\.\\s+\\S)");
    private static final Pattern VEHICLE_WORDS = Pattern.compile(
            "(?iu)\\b(vehicle|véhicule|fahrzeug|vehículo|veicolo|car|voiture|coche|auto|or similar|ou similaire|oder ähnlich|"
                    + "o similar)\\b");
    private static final Pattern CAR_WORDS = Pattern.compile(
            "(?iu)(car rental|rental car|rent a car|car hire|hire car|mietwagen|autovermietung|location de voiture|"
                    + "voiture de location|alquiler de coche|alquiler de vehículo|coche de alquiler|rent-a-car|van rental|"
                    + "van hire|vehicle rental|location de véhicule|location d'utilitaire|fahrzeugmiete|miettransporter|"
                    + "transportermiete|alquiler de furgoneta|furgoneta de alquiler|mietfahrzeug|noleggio auto|autonoleggio|"
                    + "noleggio|huurauto|autohuur)");
    /** A ride (taxi, ride-hailing) also has a pick-up and a drop-off, but books nothing ahead. */
    private static final Pattern RIDE_WORDS = Pattern.compile(
            "(?iu)(?<!additional |young |main |extra |second |named |lead |principal )"
                    + "\\b(ride|driver|fahrer|chauffeur|conductor|tip|trinkgeld|pourboire|propina)\\b"
                    + "(?!['’]s\\s+licen|\\s+licen|\\s+principal|\\s+adicional|\\s+additional|\\s+age\\b|s?\\s+must)");
    /** Renting, in a mail with a vehicle and pick-up and return rows: a rental whatever the vehicle is called. */
    private static final Pattern RENT_WORDS = Pattern.compile(
            "(?iu)\\b(rent|rental|hire|miete|mietvertrag|vermietung|location|loueur|alquiler|noleggio)\\b");
    private static final Pattern FOOD_WORDS = Pattern.compile(
            "(?iu)\\b(table|tisch|mesa|restaurant|restaurante|ristorante|brasserie|bistro|bistrot|trattoria|osteria|"
                    + "pizzeria|cafe|dinner|dîner|cena|abendessen|lunch|brunch|déjeuner|mittagessen|almuerzo|gasthaus|"
                    + "gasthof|wirtshaus|tischreservierung)\\b"
                    // \\b is ASCII-only: after the é of "café" it never holds
                    + "|\\bcafé(?![\\p{L}])");
    /** "Ihre Bestellung bei Ticketkontor – Nachtfalter Live 2027": what an order is for, after the seller's name. */
    private static final Pattern NAME_AFTER_ORDER = Pattern.compile(
            "(?iu)(?<![\\p{L}-])(?:order|bestellung|commande|pedido|compra|(?<=your )tickets(?=:))\\b[^:–|]{0,40}?"
                    + "(?:\\s*:|\\s+[–—|-])\\s*"
                    + "(\\p{Lu}[^:|\\n]{2,60}?)\\s*$");
    private static final Pattern HOTEL_NAME = Pattern.compile(
            "(?iu)\\b(hotel|hôtel|inn|resort|hostel|suites|lodge|apartments?|appartements?|apartamentos?|pension|gasthof|"
                    + "gasthaus|parador|hostal|b&b|residence|résidence|aparthotel|guesthouse|motel|posada|auberge|villa|"
                    + "chalet|cottage|gîte|ferienwohnung|ferienhaus|finca|riad|chambres? d'hôtes|casa rural|agriturismo)\\b");

    private static final String WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|"
            + "wed|thu|thur|thurs|fri|sat|sun|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lun|mer|jeu|ven|sam|"
            + "dim|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|mo|di|mi|do|fr|sa|so|lunes|martes|"
            + "miércoles|miercoles|jueves|viernes|sábado|sabado|domingo|lu|ma|ju|vi|sá";

    /** Weekdays and little words left around a place once its date and time are taken out. */
    private static final String AROUND_PLACES = WEEKDAYS + "|am|um|le|el|the|on|at|ab|an|bis|until|jusqu'au|jusqu'à|"
            + "hasta las|a las|à partir de|from|to|von|nach|desde|hasta|de|à|uhr|h|ore|alle|om|,|-|–";

    // compiled once: String.matches, split and replaceFirst with a regular expression compile it on every call
    private static final Pattern PERSON_NAME = Pattern.compile("[\\p{L} .'’/-]{3,60}");
    /** A document's title after a passenger word ("PASSENGER ITINERARY RECEIPT"), not who travels. */
    private static final Pattern DOCUMENT_WORDS = Pattern.compile(
            "(?iu)\\b(itinerary|receipt|ticket|details|information|itinéraire|reçu|reiseplan|beleg|itinerario|recibo)\\b");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern LEG_LABEL = Pattern.compile("^[\\p{L} ]{2,20}:\\s+");
    private static final Pattern AIRPORT_CODE = Pattern.compile("[A-Z]{3}");
    private static final Pattern DATE_OR_TIME_WORD = Pattern.compile("(?iu).*\\b(date|time|datum|heure|hora|fecha)\\b.*");
    private static final Pattern ONE_WORD = Pattern.compile("(?iu)\\p{L}+");
    private static final Pattern CONDITIONAL = Pattern.compile(
            "(?isu).*\\b(if|when|should|falls|wenn|sollte|si|lorsque|en cas|en caso|cuando|in case)\\b.*");
    private static final Pattern VENUE_AFTER_NAME = Pattern.compile(
            "\\s+(?:en el|en la|en|at the|at|im|in der|in the|au|à la|à l'|à)\\s+\\p{Lu}.*$");
    private static final Pattern FINAL_STOPS = Pattern.compile("[.!]+$");

    private final LocalDate reference;
    /** Legs and stays before this day are past trips (a statement, a review request), not bookings. */
    private final LocalDate earliest;
    private final List<String> lines;
    private final String text;
    private final boolean monthFirst;

    TextReservations(List<String> lines, LocalDate reference) {
        this(lines, reference, true);
    }

    /**
     * Lines of a mail sent on {@code reference}; when the mail does not say when it was sent ({@code sent} false:
     * no Date header, an archived or exported message) the reference only completes dates printed without a year,
     * and no leg is taken for a past trip: a guessed send date would drop every booking of an old mail.
     */
    TextReservations(List<String> lines, LocalDate reference, boolean sent) {
        // a schedule change's replaced journey is no longer booked; legs side by side in columns are read one by one
        this.lines = LegColumns.regrouped(SupersededLines.removed(lines));
        this.earliest = sent ? reference.minusDays(2) : LocalDate.MIN;
        this.text = String.join("\n", this.lines);
        this.monthFirst = DateTimes.usesTwelveHourClock(text);
        // a mail that does not say when it was sent is given the day its text dates itself (PrintedSendDate)
        this.reference = reference;
    }

    // The whole text's flight and train numbers, dates and times, read once: several readings ask for them.
    private List<Token> flightNumbers;
    private List<Token> trainNumbers;
    private List<Found<LocalDate>> dates;
    private List<Found<LocalTime>> times;

    private List<Token> flightNumbers() {
        if (flightNumbers == null) {
            // "AF 7731 TGV AIR", "LH 3417 Lufthansa Express Rail": a train under a flight number is no flight
            flightNumbers = Legs.flightNumbers(text).stream().filter(n -> !AirRailLegs.isRailLeg(text, n)).toList();
            if (flightNumbers.isEmpty()) {
                flightNumbers = SoleAirlineFlights.in(text); // "Flight 403" in a mail of one airline
            }
        }
        return flightNumbers;
    }

    private List<Token> trainNumbers() {
        if (trainNumbers == null) {
            trainNumbers = List.copyOf(Legs.trainNumbers(text));
        }
        return trainNumbers;
    }

    private List<Found<LocalDate>> dates() {
        if (dates == null) {
            dates = List.copyOf(DateTimes.dates(text, reference, monthFirst));
        }
        return dates;
    }

    private List<Found<LocalTime>> times() {
        if (times == null) {
            times = List.copyOf(DateTimes.times(text));
        }
        return times;
    }

    /** The reservations the lines describe, as schema.org objects (keys are made by the caller). */
    List<Map<String, Object>> extract(String subject) {
        // an airline ticket's number on a flight is one passenger's coupon, not the booking
        Optional<String> bookingReference = Labels.reference(lines, subject, () -> flightNumbers().isEmpty());
        if (notCompleted(subject)) {
            return List.of();
        }
        if (bookingReference.isEmpty() && !stayRows().isEmpty()) {
            // a booking engine's order table of rooms under the order's reference in capitals ("Order: QWXZRTPLA"):
            // its stays and nothing else, and only when the table gives a hotel's stay
            Optional<String> order = Labels.orderCode(lines);
            List<Map<String, Object>> stays = order.isPresent() ? tableStays(lodgingName(subject)) : List.of();
            if (!stays.isEmpty()) {
                return withBooking(new ArrayList<>(stays), order, subject);
            }
        }
        // an agency's printout names airlines and airports in words: its legs are read from its own blocks
        AirSegmentBlocks.Printout printout = AirSegmentBlocks.read(lines, earliest);
        if (!printout.read()) {
            printout = ServiceTableRows.read(lines, reference, earliest);
        }
        if (printout.read()) {
            List<Map<String, Object>> booked = withBooking(printout.reservations(),
                    printout.locator().or(() -> bookingReference), subject);
            booked.forEach(AirSegmentBlocks::withOwnNumber);
            return booked;
        }
        if (bookingReference.isEmpty()) {
            // restaurant-booking sites often print no number: a table said to be confirmed, for a party, still is one
            if (mayMatch(CONFIRMED_STEMS) && mayMatch(PARTY_STEMS) && CONFIRMED_SEARCH.find(subjectAndText(subject))
                    && PARTY.matcher(text).find()) {
                return table(subject).map(table -> List.of(table)).orElse(List.of());
            }
            // a box office's mail often prints no number: "Ihre Karten für ...", "You're going to ...", for one date
            if (ownTickets(subject)) {
                return event(subject).map(event -> List.of(event)).orElse(List.of());
            }
        }
        if (bookingReference.isEmpty()) {
            // the legs are read only for a mail that may hold a seat or reads as a booking's document: most mails
            // without a reference are newsletters, and the flight reading is the dearest step
            boolean mayHoldSeats = CrypticSegments.mayHoldSeats(text);
            if (!mayHoldSeats && (flightNumbers().isEmpty() || !readsAsBookingDocument(subject))) {
                return List.of();
            }
            List<Map<String, Object>> legs = new ArrayList<>(flights());
            List<Map<String, Object>> found = new ArrayList<>(legs);
            // a segment the reservation system holds, pasted as it prints it, is a booking with or without its code
            found.removeIf(leg -> !leg.containsKey(HELD_SEGMENT));
            if (found.isEmpty()) {
                return unreferenced(legs, subject);
            }
            // the airline's locator the segment lines print ("BA/6TQ8WX"), when they all print the same one
            List<Object> locators = found.stream().map(leg -> leg.remove(HELD_SEGMENT)).distinct().toList();
            Optional<String> locator = locators.size() == 1 && !"".equals(locators.getFirst())
                    ? Optional.of((String) locators.getFirst()) : Optional.empty();
            return withBooking(found, locator, subject);
        }
        List<Map<String, Object>> found = new ArrayList<>(flights());
        found.forEach(leg -> {
            leg.remove(HELD_SEGMENT);
            leg.remove(UNHELD_SEGMENT);
        });
        if (!found.isEmpty()) {
            found = withRailLegs(found);
        }
        // a flight or car mail mentioning a station is not a train booking; a train number is a train booking
        // (a flight-like code in a mail that names no airport at all, "IN 25" a fare's name, is no flight's)
        // (asked only of a mail no flight was read from: the airport scan is not for nothing)
        boolean elsewhere = found.isEmpty() && (!flightNumbers().isEmpty() && !flightNumbers().stream()
                        .allMatch(n -> n.value().replace(" ", "").equals(bookingReference.get()))
                        && !Legs.airports(text).isEmpty()
                || mentionsCar(subject) && !Labels.PICKUP.values(lines).isEmpty());
        if (found.isEmpty() && (!elsewhere || !trainNumbers().isEmpty())) {
            // "Estación de autobuses" names a bus station, not a railway one
            // bus when the mail speaks more of buses than of trains: a coach stop at a "Hbf" or a "Gare" is a bus's
            // (the subject counts too: "Buchungsbestätigung Fernbus"; a printed coach line is a bus's word)
            long busWords = (mayMatch(BUS_STEMS) ? BUS_WORDS.matcher(text).results().count() : 0)
                    + BUS_WORDS.matcher(subject).results().count() + (mayMatch(LINE_STEMS) ? Legs.busNumbers(text).size() : 0);
            // the train words are counted only against bus words: most mails have none
            boolean bus = busWords > 0 && trainNumbers().stream().noneMatch(t -> Character.isLetter(t.value().charAt(0)))
                    && busWords >= (mayMatch(TRAIN_STEMS)
                            ? TRAIN_WORDS.matcher(BUS_STATIONS.matcher(text).replaceAll(" ")).results().count() : 0)
                            + TRAIN_WORDS.matcher(BUS_STATIONS.matcher(subject).replaceAll(" ")).results().count();
            // pick-up and return labelled both, and no train number: a rental, however its words are spelled
            // (a French renter's "Départ" / "Retour" rows over a car class are its pick-up and return)
            boolean rental = VEHICLE_WORDS.matcher(text).find() && !Labels.DROPOFF.values(lines).isEmpty()
                    && !pickupLabel().values(lines).isEmpty();
            if (!rental || !trainNumbers().isEmpty()) {
                found.addAll(trains(bus));
            }
        }
        found.addAll(lodgings(!found.isEmpty(), subject));
        if (found.isEmpty()) {
            rentalCar(subject).ifPresent(found::add);
        }
        if (found.isEmpty()) {
            table(subject).ifPresent(found::add);
        }
        if (found.isEmpty()) {
            event(subject).ifPresent(found::add);
        }
        return withBooking(found, bookingReference, subject);
    }

    /** A flight itinerary without a reference it labels: its legs when all are whole in a booking's document. */
    private List<Map<String, Object>> unreferenced(List<Map<String, Object>> legs, String subject) {
        // a segment line whose seat is asked for or waitlisted ("NN1", "HL1") is a quote's or a request's
        if (!UnreferencedItineraries.allWhole(legs) || legs.stream().anyMatch(leg -> leg.containsKey(UNHELD_SEGMENT))) {
            return List.of();
        }
        if (!readsAsBookingDocument(subject) || waitlisted(subject)) {
            return List.of();
        }
        return withBooking(legs, Optional.empty(), subject); // no leg here is held, none is marked
    }

    /** {@link UnreferencedItineraries#readsAsBookingDocument}, the passengers read only when the words do not tell. */
    private boolean readsAsBookingDocument(String subject) {
        if (bookingDocument == null) {
            bookingDocument = readAsBookingDocument(subject);
        }
        return bookingDocument;
    }

    private Boolean bookingDocument;

    private boolean readAsBookingDocument(String subject) {
        return UnreferencedItineraries.readsAsBookingDocument(subjectAndText(subject),
                () -> labelledPassenger().isPresent() || !Passengers.named(lines).isEmpty());
    }

    /** The passenger a label or a GDS name field names: the first person's name, not a document's line. */
    private Optional<String> labelledPassenger() {
        return Labels.PASSENGER.values(lines).stream().map(Map.Entry::getValue)
                .filter(name -> PERSON_NAME.matcher(name).matches() && !DOCUMENT_WORDS.matcher(name).find()).findFirst()
                .or(() -> GdsNames.first(lines));
    }

    /** The reservations with the booking's reference, passenger and status, as far as the mail gives them. */
    private List<Map<String, Object>> withBooking(List<Map<String, Object>> found, Optional<String> bookingReference,
            String subject) {
        if (found.isEmpty()) {
            return found;
        }
        boolean cancelled = CANCELLED.matcher(subject).find() || saysCancelled();
        Optional<String> passenger = labelledPassenger();
        for (Map<String, Object> reservation : found) {
            bookingReference.ifPresent(reference -> reservation.put("reservationNumber", reference));
            passenger.ifPresent(name -> reservation.put("underName", Map.of("@type", "Person", "name", name)));
            if (cancelled) {
                reservation.put("reservationStatus", "https://schema.org/ReservationCancelled");
            }
        }
        return Passengers.eachOnOwnReservation(found, Passengers.named(lines));
    }

    // ---- flights

    private record Region(int start, int end) {
    }

    private List<Map<String, Object>> flights() {
        List<Token> numbers = flightNumbers();
        if (numbers.isEmpty()) {
            return List.of();
        }
        List<Token> airports = Legs.airports(text);
        List<Found<LocalDate>> dates = dates();
        List<Found<LocalTime>> times = times();
        List<Region> forward = new ArrayList<>();
        List<Region> backward = new ArrayList<>();
        for (int i = 0; i < numbers.size(); i++) {
            forward.add(new Region(lineStart(numbers.get(i).start()),
                    i + 1 < numbers.size() ? lineStart(numbers.get(i + 1).start()) : text.length()));
            backward.add(new Region(i == 0 ? 0 : lineEnd(numbers.get(i - 1).start()), lineEnd(numbers.get(i).start())));
        }
        if (numbers.size() == 1) {
            // a lone number's leg is printed around it, not in the footer's or a promotion's places and days
            Region near = around(numbers.getFirst());
            forward.set(0, new Region(forward.getFirst().start(), Math.min(forward.getFirst().end(), near.end())));
            backward.set(0, new Region(Math.max(backward.getFirst().start(), near.start()), backward.getFirst().end()));
        }
        List<Map<String, Object>> viaForward = flightLegs(numbers, forward, airports, dates, times);
        List<Map<String, Object>> viaBackward = flightLegs(numbers, backward, airports, dates, times);
        List<Map<String, Object>> legs = score(viaBackward) > score(viaForward) ? viaBackward : viaForward;
        List<Region> paired = nearLoneNumber(numbers, pairedRegions(numbers, airports));
        if (!paired.isEmpty()) {
            List<Map<String, Object>> viaPairs = flightLegs(numbers, paired, airports, dates, times);
            legs = score(viaPairs) > score(legs) ? viaPairs : legs;
        }
        List<Region> details = nearLoneNumber(numbers, detailRegions(numbers, airports));
        if (!details.isEmpty()) {
            List<Map<String, Object>> viaDetails = flightLegs(numbers, details, airports, dates, times);
            legs = score(viaDetails) > score(legs) ? viaDetails : legs;
        }
        if (legs.isEmpty() && numbers.size() == 1) {
            // one flight, its departure block above its number and its arrival below ("Depart / Jun 18, 2027 13:35 /
            // Singapore Changi Airport T3", "SQ 938", "Arrive / ..."): the lines around the number are the leg, not the
            // footer's or a promotion's places and days further away
            legs = flightLegs(numbers, List.of(around(numbers.getFirst())), airports, dates, times);
        }
        // the same leg printed twice (a summary and the details) counts once: the fuller reading wins
        Map<String, Map<String, Object>> unique = new LinkedHashMap<>();
        for (Map<String, Object> leg : legs) {
            Map<?, ?> flight = (Map<?, ?>) leg.get("reservationFor");
            String day = String.valueOf(flight.containsKey("departureTime") ? flight.get("departureTime")
                    : flight.get("departureDay"));
            String id = route(flight) + "|" + day.substring(0, Math.min(10, day.length()));
            Map<String, Object> known = unique.get(id);
            if (known == null || flight.size() > ((Map<?, ?>) known.get("reservationFor")).size()) {
                unique.put(id, leg);
            }
        }
        // a summary's leg without its time ("LH 400 FRA-JFK") beside the same leg with one: the timed one is the leg
        List<Map<String, Object>> kept = new ArrayList<>(unique.values());
        kept.removeIf(leg -> {
            Map<?, ?> flight = (Map<?, ?>) leg.get("reservationFor");
            return !flight.containsKey("departureTime") && kept.stream().map(other -> (Map<?, ?>) other.get("reservationFor"))
                    .anyMatch(other -> other.containsKey("departureTime") && route(other).equals(route(flight)));
        });
        // a leg read without an airport beside the same flight read otherwise (a summary of city names above the
        // details): the one with more airports, else the fuller one, is the leg
        kept.removeIf(leg -> {
            Map<?, ?> flight = (Map<?, ?>) leg.get("reservationFor");
            return airportsOf(flight) < 2 && kept.stream().map(other -> (Map<?, ?>) other.get("reservationFor"))
                    .anyMatch(other -> other != flight && flightOf(other).equals(flightOf(flight))
                            && (airportsOf(other) > airportsOf(flight)
                                    || airportsOf(other) == airportsOf(flight) && other.size() >= flight.size()
                                            && kept.indexOf(leg) > indexOfFlight(kept, other)));
        });
        // a rebooking's cancelled or original flight beside the new one is no longer booked; alone, it is what a
        // cancellation is about
        if (kept.stream().anyMatch(leg -> !leg.containsKey(REPLACED))) {
            kept.removeIf(leg -> leg.containsKey(REPLACED));
        }
        kept.forEach(leg -> leg.remove(REPLACED));
        return kept;
    }

    /**
     * The flights with the rail legs an airline sold with them ("AF 7731 TGV AIR", "LH 3417 Lufthansa Express Rail"),
     * each read as a train from its own lines, back to the previous flight's line (its day heading included): the
     * legs before the first flight first. A rail leg whose stations cannot be read is left out.
     */
    private List<Map<String, Object>> withRailLegs(List<Map<String, Object>> flights) {
        if (!mayMatch(RAIL_PRODUCT_STEMS)) {
            return flights;
        }
        List<Token> all = Legs.flightNumbers(text);
        List<Map<String, Object>> before = new ArrayList<>();
        List<Map<String, Object>> after = new ArrayList<>();
        int firstFlight = flightNumbers().isEmpty() ? text.length() : flightNumbers().getFirst().start();
        for (int i = 0; i < all.size(); i++) {
            Token number = all.get(i);
            if (!AirRailLegs.isRailLeg(text, number)) {
                continue;
            }
            int from = i == 0 ? 0 : lineEnd(all.get(i - 1).start()) + 1;
            int to = i + 1 < all.size() ? lineStart(all.get(i + 1).start()) : text.length();
            List<String> segment = List.of(text.substring(Math.min(from, to), to).split("\n"));
            List<Map<String, Object>> read = new TextReservations(segment, reference, earliest != LocalDate.MIN)
                    .trains(false);
            if (read.size() == 1) {
                (number.start() < firstFlight ? before : after).add(read.getFirst());
            }
        }
        List<Map<String, Object>> legs = new ArrayList<>(before);
        legs.addAll(flights);
        legs.addAll(after);
        return legs;
    }

    /** A word of every alternative of {@link AirRailLegs#RAIL_PRODUCT}: the operator phrases cover "DB" and "NS". */
    private static final List<String> RAIL_PRODUCT_STEMS = List.of("rail", "tgv", "train", "sncf", "bahn", "öbb",
            "oebb", "sbb", "renfe", "trenitalia", "eurostar", "thalys", "operated by", "opéré par", "assuré par",
            "durchgeführt von", "operado por", "betrieben von");

    /** A leg's mark, never emitted, that it is read from a GDS segment line whose seat is held. */
    private static final String HELD_SEGMENT = "held-segment";
    private static final String UNHELD_SEGMENT = "unheld-segment";

    /** A leg's mark, never emitted, that it is printed under a heading of the flight a rebooking replaced. */
    private static final String REPLACED = "replaced-leg";

    private static final Pattern REPLACED_LEG = Pattern.compile(
            "(?imu)^[^\\p{L}\\n]{0,3}(?:your\\s+|ihr\\s+|votre\\s+|tu\\s+|su\\s+)?(cancel+ed flights?|original flights?|"
                    + "previous flights?|old flights?|former flights?|annullierte[rn]? flug|annullierte flüge|"
                    + "stornierte[rn]? flug|ursprüngliche[rn]? flug|bisherige[rn]? flug|alter flug|vols? annulés?|"
                    + "vol initial|ancien vol|vol d'origine|vuelos? cancelados?|vuelo original|vuelo anterior)"
                    + "\\s*:?\\s*$");

    /**
     * Whether a line above a flight number, back to the previous number's line (at most four), is a heading of
     * the flight a rebooking replaced ("Cancelled flight", "Ursprünglicher Flug:", "Vol initial"), a line of its own:
     * "Original flight time: 09:05" is a schedule change's old time, not a leg's heading.
     */
    private boolean isReplaced(List<Token> numbers, int i) {
        int at = numbers.get(i).start();
        int floor = i == 0 ? 0 : lineEnd(numbers.get(i - 1).start());
        int from = lineStart(at);
        for (int n = 0; n < 4 && from > floor; n++) {
            from = lineStart(from - 1);
        }
        // two numbers on one line ("Flights LH 400 / LH 401"): nothing above the second one is its own
        return REPLACED_LEG.matcher(text.substring(Math.min(Math.max(from, floor), at), at)).find();
    }

    private static int airportsOf(Map<?, ?> flight) {
        return (flight.containsKey("departureAirport") ? 1 : 0) + (flight.containsKey("arrivalAirport") ? 1 : 0);
    }

    private static int indexOfFlight(List<Map<String, Object>> legs, Map<?, ?> flight) {
        for (int i = 0; i < legs.size(); i++) {
            if (legs.get(i).get("reservationFor") == flight) {
                return i;
            }
        }
        return -1;
    }

    /** A flight's airline and number: "LH|400". */
    @SuppressWarnings("unchecked")
    private static String flightOf(Map<?, ?> flight) {
        return JsonLd.text((Map<String, ?>) flight, "airline", "iataCode").orElse("") + "|" + flight.get("flightNumber");
    }

    /** A flight's airline, number and airports: "LH|400|FRA|JFK". */
    @SuppressWarnings("unchecked")
    private static String route(Map<?, ?> flight) {
        Map<String, ?> leg = (Map<String, ?>) flight;
        return JsonLd.text(leg, "airline", "iataCode").orElse("") + "|" + leg.get("flightNumber") + "|"
                + JsonLd.text(leg, "departureAirport", "iataCode").orElse("") + "|"
                + JsonLd.text(leg, "arrivalAirport", "iataCode").orElse("");
    }

    /**
     * The legs of an itinerary that prints two airports per flight number, the number anywhere between the leg's
     * departure and the next leg's ("14:25 Frankfurt (FRA) / Emirates EK 44 / 23:05 Dubai (DXB)"): each leg runs
     * from the line after the previous arrival (the first from its day's heading) to its arrival or number. Empty
     * when the airports do not pair up so.
     */
    private List<Region> pairedRegions(List<Token> numbers, List<Token> legAirports) {
        int n = numbers.size();
        List<Token> airports = legAirports.size() > 2 * n
                ? RouteHeadings.withoutHeadings(text, legAirports, numbers, times()) : legAirports;
        if (airports.size() != 2 * n) {
            return List.of();
        }
        List<Region> regions = new ArrayList<>();
        int afterArrival = 0;
        for (int i = 0; i < n; i++) {
            int number = numbers.get(i).start();
            Token departure = airports.get(2 * i);
            Token arrival = airports.get(2 * i + 1);
            boolean afterPreviousArrival = i == 0 || number > airports.get(2 * i - 1).start();
            boolean beforeNextDeparture = i + 1 == n || number < airports.get(2 * i + 2).start();
            if (departure.value().equals(arrival.value()) || !afterPreviousArrival || !beforeNextDeparture) {
                return List.of();
            }
            int first = Math.min(number, departure.start());
            int start = i > 0 ? afterArrival + 1
                    : dates().stream().mapToInt(Found::start).filter(d -> d < first).reduce((a, b) -> b)
                            .stream().map(this::lineStart).findFirst().orElse(lineStart(first));
            // the arrival's time on the line under its place ("Paris (CDG)", then "07 h 25 (+1 jour)")
            afterArrival = lineEnd(arrival.start());
            int nextDeparture = i + 1 < n ? airports.get(2 * i + 2).start() : text.length();
            while (afterArrival + 1 < text.length() && lineEnd(afterArrival + 1) < nextDeparture
                    && TimeAloneLines.isTimeAlone(text.substring(afterArrival + 1, lineEnd(afterArrival + 1)))) {
                afterArrival = lineEnd(afterArrival + 1);
            }
            regions.add(new Region(Math.min(start, lineStart(first)),
                    Math.max(afterArrival, lineEnd(Math.max(number, arrival.start())))));
        }
        return regions;
    }

    /**
     * The legs of a mail that lists its flight numbers in a summary and prints the airports only in the details
     * below it, leg by leg in the same order ("IB 3170 | 15/04/2027 | Madrid | Londres", then "Salida 10:30
     * Madrid-Barajas (MAD) / Llegada 12:00 Londres-Heathrow (LHR)"): leg i runs from the line after the previous
     * leg's arrival (the first from the line after the last number) to its own arrival. Empty for other layouts.
     */
    private List<Region> detailRegions(List<Token> numbers, List<Token> airports) {
        int n = numbers.size();
        int afterNumbers = lineEnd(numbers.get(n - 1).start());
        if (airports.size() != 2 * n || airports.getFirst().start() <= afterNumbers) {
            return List.of();
        }
        List<Region> regions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Token departure = airports.get(2 * i);
            Token arrival = airports.get(2 * i + 1);
            if (departure.value().equals(arrival.value())) {
                return List.of();
            }
            int start = i == 0 ? afterNumbers + 1 : lineEnd(airports.get(2 * i - 1).start()) + 1;
            regions.add(new Region(Math.min(start, lineStart(departure.start())), lineEnd(arrival.start())));
        }
        return regions;
    }

    /** Departure and arrival airports printed as names under from/to labels ("Departure: FRANKFURT, DE"). */
    private List<String> airportsByName(Region region) {
        List<String> part = labelledLines(region);
        Optional<String> from = Labels.FROM.values(part).stream().flatMap(e -> airportNamed(part, e).stream())
                .findFirst();
        Optional<String> to = Labels.TO.values(part).stream().flatMap(e -> airportNamed(part, e).stream())
                .findFirst();
        if (from.isPresent() && to.isPresent() && !from.equals(to)) {
            return List.of(from.get(), to.get());
        }
        // "SN 2583 from Brussels to Berlin", "von Köln nach Palma", "de Paris à Nice", "de Madrid a Londres"
        Matcher route = FROM_PLACE_TO_PLACE.matcher(text.substring(region.start(), region.end()));
        while (route.find()) {
            List<String> codes = airportsNamed(route.group(1), route.group(2));
            if (!codes.isEmpty()) {
                return codes;
            }
        }
        // a route of names in a cell or line: "Köln/Bonn – Berlin-Tegel", "Frankfurt → New York JFK"
        for (String line : part) {
            for (String cell : line.split("\t")) {
                Matcher names = NAMED_ROUTE.matcher(withoutTimes(cell));
                if (names.matches()) {
                    List<String> codes = airportsNamed(names.group(1), names.group(2));
                    if (!codes.isEmpty()) {
                        return codes;
                    }
                }
            }
        }
        // the two places side by side over their times: "Köln/Bonn | Palma de Mallorca"
        for (String line : part) {
            List<String> codes = ItineraryColumns.placeCells(line);
            if (!codes.isEmpty()) {
                return codes;
            }
        }
        return List.of();
    }

    /**
     * The region's lines, a label's own time moved out of its label cell ("Départ 07h15 | Paris-Charles de Gaulle",
     * "Salida 07:30 Madrid"), so that the place after it reads as the label's value.
     */
    private List<String> labelledLines(Region region) {
        List<String> part = new ArrayList<>();
        for (String line : text.substring(region.start(), region.end()).split("\n")) {
            Matcher labelled = line.length() < 120 ? LABEL_THEN_TIME.matcher(line) : null;
            part.add(labelled != null && labelled.find() && Labels.isAnyBare(labelled.group(1).strip())
                    ? labelled.group(1) + "\t" + line.substring(labelled.end()) : line);
        }
        return part;
    }

    /** A cell without its times: "Frankfurt 08:55 - Mailand 10:05" is the route "Frankfurt - Mailand". */
    private static String withoutTimes(String cell) {
        return cell.indexOf(':') < 0 ? cell.strip()
                : SPACES_IN_CELL.matcher(TIME_IN_CELL.matcher(cell).replaceAll(" ")).replaceAll(" ").strip();
    }

    private static final Pattern TIME_IN_CELL = Pattern.compile(
            "(?iu)(?<![\\d:])\\d{1,2}:\\d{2}(?:\\s*[ap]\\.?m\\.?)?(?:\\s*(?:uhr|h))?(?![\\d:])");
    private static final Pattern SPACES_IN_CELL = Pattern.compile(" {2,}");

    private static final Pattern LABEL_THEN_TIME = Pattern.compile(
            "(?iu)^(\\p{L}[\\p{L} ]{1,20}?)\\s+\\d{1,2}[:h.]\\d{2}(?:\\s*[ap]\\.?m\\.?)?(?:\\s*uhr)?(?:\\t|\\s+)(?=\\S)");

    /**
     * Departure and arrival printed as names of cities the airport table knows but a name does not decide (London,
     * Tokyo, Paris): under from/to labels or as a route of two names in a cell. Each side is the airport when
     * its name decides one, else empty; nothing when the region prints no two such places.
     */
    private Optional<List<Optional<String>>> undecidedAirports(Region region) {
        List<String> part = labelledLines(region);
        List<String[]> pairs = new ArrayList<>();
        Optional<String> from = Labels.FROM.values(part).stream().map(e -> place(e.getValue().split("\t")[0]))
                .filter(name -> !name.isEmpty()).findFirst();
        Optional<String> to = Labels.TO.values(part).stream().map(e -> place(e.getValue().split("\t")[0]))
                .filter(name -> !name.isEmpty()).findFirst();
        if (from.isPresent() && to.isPresent()) {
            pairs.add(new String[] {from.get(), to.get()});
        }
        // not "from X to Y" in prose: a hotel's "meet your flight JL 41 from Tokyo to London" is no leg
        for (String line : part) {
            for (String cell : line.split("\t")) {
                Matcher names = NAMED_ROUTE.matcher(withoutTimes(cell));
                if (names.matches()) {
                    pairs.add(new String[] {names.group(1), names.group(2)});
                }
            }
        }
        for (String[] pair : pairs) {
            if (pair[0].length() <= 40 && pair[1].length() <= 40 && Airports.zoneOfCity(pair[0]).isPresent()
                    && Airports.zoneOfCity(pair[1]).isPresent()
                    && !Labels.fold(pair[0]).equals(Labels.fold(pair[1]))) {
                Optional<String> a = Airports.ofPlaceName(pair[0]).map(Airports.Airport::code);
                Optional<String> b = Airports.ofPlaceName(pair[1]).map(Airports.Airport::code);
                if ((a.isEmpty() || b.isEmpty()) && !(a.isPresent() && a.equals(b))) {
                    return Optional.of(List.of(a, b, Optional.of(pair[0]), Optional.of(pair[1])));
                }
            }
        }
        return Optional.empty();
    }

    /** The airports two place names stand for, when both are decided and differ. */
    private static List<String> airportsNamed(String from, String to) {
        Optional<Airports.Airport> a = Airports.ofPlaceName(from);
        Optional<Airports.Airport> b = Airports.ofPlaceName(to);
        return a.isPresent() && b.isPresent() && !a.equals(b) ? List.of(a.get().code(), b.get().code()) : List.of();
    }

    private static final Pattern NAMED_ROUTE = Pattern.compile(
            "(?u)(?:[\\p{L} ]{2,20}:\\s*)?(\\p{Lu}[^→>»–—\\t:]{1,40}?)\\s*(?:→|->|–|—|>|»|\\s-\\s)\\s*"
                    + "(\\p{Lu}[^→>»–—\\t:]{1,40})");

    private static final String PLACE_WORDS = "(\\p{Lu}[\\p{L}'’.-]*(?:[ /-]\\p{Lu}[\\p{L}'’.-]*){0,3})";
    private static final Pattern FROM_PLACE_TO_PLACE = Pattern.compile(
            "(?u)\\b(?:from|von|de|desde|depuis)\\s+" + PLACE_WORDS
                    + "\\s+(?:to|nach|à|a|hasta|vers)\\s+" + PLACE_WORDS);

    /** The airport a label's value names, or the line under it names (a table cell: date, then the city). */
    private Optional<String> airportNamed(List<String> part, Map.Entry<Integer, String> value) {
        String own = place(value.getValue());
        Optional<Airports.Airport> named = Airports.ofPlaceName(own).or(() -> AirportOwnNames.of(own));
        // under a label alone on its line the value is the next line: the place is the one under that
        int next = value.getKey() + (Labels.isAnyBare(part.get(value.getKey()).strip()) ? 2 : 1);
        // a place of its own that decides no airport ("Londres") is the value: the line under it is another's
        boolean ownPlace = !own.isEmpty() && Airports.zoneOfPlace(own).isPresent();
        if (named.isEmpty() && !ownPlace && next < part.size() && part.get(next).indexOf('\t') < 0) {
            String under = place(part.get(next));
            named = Airports.ofPlaceName(under).or(() -> AirportOwnNames.of(under));
        }
        return named.map(Airports.Airport::code);
    }

    /**
     * The date printed nearest to a flight number, between the flight numbers before and after it (a date heads a
     * leg in some layouts and follows its number in others), one on its line first; else the last date before it.
     */
    private Optional<LocalDate> nearestDate(List<Found<LocalDate>> dates, List<Found<LocalTime>> times,
            List<Token> numbers, int i) {
        int at = numbers.get(i).start();
        int lineStart = lineStart(at);
        int lineEnd = lineEnd(at);
        Optional<LocalDate> sameLine = dates.stream().filter(d -> d.start() >= lineStart && d.start() < lineEnd)
                .map(Found::value).findFirst();
        if (sameLine.isPresent()) {
            return sameLine;
        }
        // a date printed after the number and before the leg's first time is the leg's ("Flight / From / To / Date")
        int next = i + 1 < numbers.size() ? lineStart(numbers.get(i + 1).start()) : text.length();
        int firstTime = times.stream().mapToInt(Found::start).filter(t -> t > lineEnd && t < next).findFirst()
                .orElse(-1);
        // a time on the number's own line has begun the leg ("LH 418 ... AR WASHINGTON 0155P")
        boolean timeOnLine = times.stream().anyMatch(t -> t.start() >= lineStart && t.start() < lineEnd);
        if (firstTime > 0 && !timeOnLine) {
            // or on the first time's line after it ("Depart 17:35 Mon 17 May 2027": the time before the date)
            int firstTimeLineEnd = lineEnd(firstTime);
            Optional<LocalDate> beforeTime = dates.stream()
                    .filter(d -> d.start() > lineEnd && d.start() < firstTimeLineEnd && !isOtherDate(d))
                    .map(Found::value).findFirst();
            if (beforeTime.isPresent()) {
                return beforeTime;
            }
        }
        int low = i == 0 ? 0 : numbers.get(i - 1).end();
        int high = i + 1 < numbers.size() ? numbers.get(i + 1).start() : Integer.MAX_VALUE;
        // the leg's date above its number (a segment's first line, a day's heading) before one printed after the
        // leg's times, which is as often the next leg's
        Found<LocalDate> before = null;
        Found<LocalDate> after = null;
        for (Found<LocalDate> date : dates) {
            if (date.start() < low || date.start() >= high || isOtherDate(date)) {
                continue;
            }
            if (date.start() < at) {
                before = date;
            } else if (after == null && !(high != Integer.MAX_VALUE && isHeading(date))) {
                // a day's heading after the leg heads the next leg ("Sonntag, 21. März 2027" above the return)
                after = date;
            }
        }
        if (after == null && high != Integer.MAX_VALUE && datesFollowLegs(dates, numbers)) {
            after = dates.stream().filter(d -> d.start() > at && d.start() < high && !isOtherDate(d)).findFirst()
                    .orElse(null);
        }
        if (after != null && datesFollowLegs(dates, numbers)) {
            return Optional.of(after.value()); // each leg's date printed after it: the one before is the last leg's
        }
        Optional<LocalDate> earlier = dates.stream().filter(d -> d.start() < at && !isOtherDate(d)).map(Found::value)
                .reduce((first, second) -> second);
        if (before == null && after != null && earlier.isPresent() && firstTime > 0 && after.start() > firstTime) {
            // "Change planes to Flight 1185 / Depart ... at 12:10 PM": a connection under the day's heading above,
            // the date after its times heading the return
            return earlier;
        }
        if (before != null || after != null) {
            return Optional.of((before != null ? before : after).value());
        }
        return earlier;
    }

    /**
     * Whether legs print their dates after their numbers, none before the first one: a grid whose date is its last
     * column, rendered one cell a line ("AS 1130 / Seattle (SEA) 7:25 AM / Anchorage (ANC) 10:05 AM / Tue, Jul 13").
     * A date between two numbers is then the first one's, even alone on its line.
     */
    private boolean datesFollowLegs(List<Found<LocalDate>> dates, List<Token> numbers) {
        if (numbers.size() < 2) {
            return false;
        }
        int first = numbers.getFirst().start();
        int second = numbers.get(1).start();
        return dates.stream().noneMatch(d -> d.start() < first && !isOtherDate(d))
                && dates.stream().anyMatch(d -> d.start() > lineEnd(first) && d.start() < second && !isOtherDate(d));
    }

    /**
     * A leg's date when its region ends with its number's line (the number printed after the leg's date, places and
     * times, as a table's last column): the last date of the region before the number. Empty for other regions.
     */
    private Optional<LocalDate> regionDate(List<Found<LocalDate>> dates, Region region, int at) {
        if (region.end() != lineEnd(at)) {
            return Optional.empty();
        }
        int lineStart = lineStart(at);
        if (dates.stream().anyMatch(d -> d.start() >= lineStart && d.start() < region.end())) {
            return Optional.empty(); // one on the number's line: the nearest reading takes it
        }
        return dates.stream().filter(d -> d.start() >= region.start() && d.start() < at && !isOtherDate(d))
                .map(Found::value).reduce((a, b) -> b);
    }

    private static final Pattern ARRIVAL_WORD = Pattern.compile(
            "(?iu)(?<![\\p{L}])(arrive|arrives|arrival|arr|arrivée|ankunft|an|llegada)(?![\\p{L}])[^\\n\\d]{0,12}$");
    /** The date a booking was made or its ticket issued, never a leg's. */
    private static final Pattern ISSUE_WORD = Pattern.compile(
            "(?iu)(?<![\\p{L}])(issued?|issue date|date of issue|booked on|booking date|date of booking|purchased?|"
                    + "date of purchase|buchungsdatum|ausstellungsdatum|ausgestellt|gebucht am|émission|émis|"
                    + "réservé le|date de réservation|fecha de emisión|emitido|fecha de compra|fecha de reserva|"
                    + "reservado el)(?![\\p{L}])[^\\n\\d]{0,16}$");

    /**
     * Whether a date is the arrival's ("ARRIVE SAT 20MAR") or the booking's ("Date of issue: 28 November 2026"),
     * which a leg's departure never takes.
     */
    private boolean isOtherDate(Found<LocalDate> date) {
        String before = text.substring(Math.max(lineStart(date.start()), date.start() - 30), date.start());
        return ARRIVAL_WORD.matcher(before).find() || ISSUE_WORD.matcher(before).find();
    }

    /** Whether a date stands alone on its line, but for a weekday or a word ("Retour — dimanche 21 mars 2027"). */
    private boolean isHeading(Found<LocalDate> date) {
        String line = text.substring(lineStart(date.start()), lineEnd(date.start()));
        if (line.indexOf(':') >= 0 || line.indexOf('\t') >= 0 || DateTimes.times(line).size() > 0) {
            return false;
        }
        String rest = text.substring(lineStart(date.start()), date.start()) + " " + text.substring(date.end(),
                lineEnd(date.start()));
        return WHITESPACE.split(rest.strip()).length <= 3 && rest.length() <= 30;
    }

    /** Words before a time that make it a boarding, gate or check-in time, not the departure. */
    private static final Pattern SERVICE_TIME = Pattern.compile(
            "(?iu)(boarding|board|gate|check-?in|closes|close|embarquement|enregistrement|fermeture|einstieg|"
                    + "gateschluss|schließt|embarque|facturación|cierre|puerta|latest|spätestens|au plus tard|"
                    + "como muy tarde)[^\\n\\d]{0,20}$");

    /** Words before a time that make it the one a schedule change replaced. */
    private static final Pattern REPLACED_TIME = Pattern.compile(
            "(?iu)(?<![\\p{L}])(original|originally|old|previous|previously|formerly|was|alte|ursprünglich|"
                    + "bisherige?|ancien(?:ne)?|initial(?:e)?|initialement|anterior|antigua|original(?:mente)?|prevista)"
                    + "(?![\\p{L}])[^\\n\\d]{0,30}$");

    /** Words before a clock-like figure that make it a duration ("FLIGHT DURATION: 02:10", "Dauer 01:15"). */
    private static final Pattern DURATION = Pattern.compile(
            "(?iu)(?<![\\p{L}])(duration|flight time|travel time|journey time|dauer|flugzeit|flugdauer|reisezeit|"
                    + "reisedauer|durée|temps de vol|duración|tiempo de vuelo|duur|vliegtijd|connection time|layover|stopover|"
                    + "umsteigezeit|aufenthalt|temps de correspondance|escala|tiempo de conexión)(?![\\p{L}])[^\\n\\d]{0,12}$");

    private boolean isServiceTime(Found<LocalTime> time) {
        String before = text.substring(Math.max(lineStart(time.start()), time.start() - 40), time.start());
        return SERVICE_TIME.matcher(before).find() || REPLACED_TIME.matcher(before).find()
                || DURATION.matcher(before).find();
    }

    private static int score(List<Map<String, Object>> legs) {
        return legs.stream().mapToInt(leg -> ((Map<?, ?>) leg.get("reservationFor")).size()).sum();
    }

    private List<Map<String, Object>> flightLegs(List<Token> numbers, List<Region> regions, List<Token> airports,
            List<Found<LocalDate>> dates, List<Found<LocalTime>> times) {
        List<Map<String, Object>> legs = new ArrayList<>();
        LocalDateTime previousArrival = null;
        String previousArrivalAt = null;
        for (int i = 0; i < numbers.size(); i++) {
            Region region = regions.get(i);
            List<String> codes = new ArrayList<>();
            for (Token airport : airports) {
                if (airport.start() >= region.start() && airport.start() < region.end()
                        && (codes.isEmpty() || !codes.getLast().equals(airport.value())) && codes.size() < 2) {
                    codes.add(airport.value());
                }
            }
            if (codes.size() < 2) {
                codes = airportsByName(region);
            }
            if (codes.size() < 2) {
                codes = ItineraryColumns.airports(textLines(), lineIndex(numbers.get(i).start()));
            }
            if (codes.size() < 2) {
                codes = ReceiptRows.route(text, numbers, airports, i);
            }
            Optional<CrypticSegments.Segment> cryptic = codes.size() < 2
                    ? CrypticSegments.onLine(text.substring(numbers.get(i).end(), lineEnd(numbers.get(i).end())))
                    : Optional.empty();
            if (cryptic.isPresent()) {
                codes = List.of(cryptic.get().from(), cryptic.get().to());
            }
            List<LocalTime> legTimes = times.stream().filter(t -> inside(t.start(), region) && !isServiceTime(t))
                    .map(Found::value).toList();
            if (legTimes.isEmpty() && cryptic.isPresent()) {
                legTimes = cryptic.get().times();
            }
            Optional<List<Optional<String>>> undecided = Optional.empty();
            if (codes.size() < 2) {
                // places printed by names that do not decide an airport (London, Tokyo): the leg is kept, its
                // undecided airports left out, when its departure and arrival times are printed with it
                undecided = legTimes.size() >= 2 ? undecidedAirports(region) : Optional.empty();
                if (undecided.isEmpty()) {
                    continue; // a flight number without its route is a mention, not a leg
                }
            }
            int leg = i;
            Optional<LocalDate> date = regionDate(dates, region, numbers.get(i).start())
                    .or(() -> nearestDate(dates, times, numbers, leg));
            if (date.isEmpty() || date.get().isBefore(earliest)) {
                continue;
            }
            LocalDate legDay = date.get();
            if (undecided.isPresent() && dates.stream().noneMatch(d -> inside(d.start(), region) && d.value().equals(legDay))) {
                continue; // a leg without its airports is one printed whole: its date with it, not a stay's nearby
            }
            Map<String, Object> flight;
            Optional<java.time.ZoneId> departureZone;
            Optional<java.time.ZoneId> arrivalZone;
            if (undecided.isEmpty()) {
                flight = Legs.flight(numbers.get(i).value(), codes.get(0), codes.get(1));
                departureZone = Legs.zoneOf(codes.get(0));
                arrivalZone = Legs.zoneOf(codes.get(1));
            } else {
                List<Optional<String>> sides = undecided.get();
                flight = Legs.flight(numbers.get(i).value(), sides.get(0), sides.get(1));
                departureZone = sides.get(0).flatMap(Legs::zoneOf).or(() -> Airports.zoneOfCity(sides.get(2).get()));
                arrivalZone = sides.get(1).flatMap(Legs::zoneOf).or(() -> Airports.zoneOfCity(sides.get(3).get()));
                codes = new ArrayList<>(List.of(sides.get(0).orElse(""), sides.get(1).orElse("")));
            }
            if (legTimes.isEmpty()) {
                flight.put("departureDay", date.get().toString());
                previousArrival = null;
            } else {
                LocalDate day = date.get();
                // a connection leaves after the leg before it landed: under one day's heading, the one after midnight
                // ("21:50 DUS → 06:20 +1 DXB, 09:40 DXB → SYD") leaves the next day
                LocalDateTime departs = LocalDateTime.of(day, legTimes.get(0));
                if (previousArrival != null && !codes.get(0).isEmpty() && codes.get(0).equals(previousArrivalAt) && departs.isBefore(previousArrival)
                        && departs.plusDays(1).isAfter(previousArrival)) {
                    day = day.plusDays(1);
                }
                flight.put("departureTime", Legs.localTime(day, legTimes.get(0), departureZone));
                previousArrival = null;
                if (legTimes.size() > 1) {
                    LocalDate arrivalDay = legTimes.get(1).isBefore(legTimes.get(0)) ? day.plusDays(1) : day;
                    flight.put("arrivalTime", Legs.localTime(arrivalDay, legTimes.get(1), arrivalZone));
                    previousArrival = LocalDateTime.of(arrivalDay, legTimes.get(1));
                    previousArrivalAt = codes.get(1);
                }
            }
            Map<String, Object> reservation = new LinkedHashMap<>();
            reservation.put("@type", "FlightReservation");
            reservation.put("reservationFor", flight);
            if (isReplaced(numbers, i)) {
                reservation.put(REPLACED, Boolean.TRUE);
            }
            String segmentLine = text.substring(numbers.get(i).end(), lineEnd(numbers.get(i).end()));
            Optional<CrypticSegments.Segment> segment = CrypticSegments.onLine(segmentLine);
            if (segment.filter(CrypticSegments.Segment::held).isPresent()) {
                // the mark holds the airline's locator the line prints, or nothing
                reservation.put(HELD_SEGMENT, CrypticSegments.locator(segmentLine).orElse(""));
            } else if (segment.isPresent()) {
                reservation.put(UNHELD_SEGMENT, Boolean.TRUE); // "NN1", "HL1": asked for or waitlisted, not held
            }
            legs.add(reservation);
        }
        return legs;
    }

    // ---- trains and buses

    private static final Pattern ARROW = Pattern.compile(
            "^([\\p{Lu}][^→>\\t»]{1,60}?)\\s*(?:→|->|➔|»|>|–|—|\\s-\\s)\\s*([\\p{Lu}][^\\t]{1,60})$");
    private static final Pattern TIME_AND_PLACE = Pattern.compile(
            "(?iu)^(?:(?:ab|an|dep\\.?|arr\\.?|départ|arrivée|salida|llegada|departure|arrival|departs?|arrives?)\\s*:?\\s*)?"
                    + "(\\d{1,2}[:h]\\d{2}(?:\\s*[ap]\\.?m\\.?(?![\\p{L}]))?)\\s*(?:uhr)?\\s*(?:[-–—]\\s*)?(?:\\t|\\s)\\s*(?:(?:ab|an)\\s+)?"
                    + "([\\p{Lu}][\\p{L}\\d .,()'’/-]{2,60})$");

    private List<Map<String, Object>> trains(boolean bus) {
        List<Token> numbers = trainNumbers();
        if (numbers.isEmpty() && !(mayMatch(TRAIN_STEMS) && TRAIN_WORDS.matcher(text).find()) && !bus) {
            return List.of();
        }
        List<Region> forward = new ArrayList<>();
        List<Region> backward = new ArrayList<>();
        if (numbers.isEmpty()) {
            forward.add(new Region(0, text.length()));
        }
        for (int i = 0; i < numbers.size(); i++) {
            forward.add(new Region(i == 0 ? 0 : lineStart(numbers.get(i).start()),
                    i + 1 < numbers.size() ? lineStart(numbers.get(i + 1).start()) : text.length()));
            // the number after its leg ("London 09:01 → Paris 12:20 / Train 9014"): the region ends with its line
            backward.add(new Region(i == 0 ? 0 : lineEnd(numbers.get(i - 1).start()) + 1,
                    i + 1 < numbers.size() ? lineEnd(numbers.get(i).start()) : text.length()));
        }
        List<Map<String, Object>> viaForward = trainLegs(numbers, forward, bus);
        List<Map<String, Object>> read = viaForward;
        if (numbers.size() >= 2) {
            List<Map<String, Object>> viaBackward = trainLegs(numbers, backward, bus);
            // read backwards only when that finds legs the forward reading loses, or times it lacks
            if (viaBackward.size() > viaForward.size()
                    || viaBackward.size() == viaForward.size() && timed(viaBackward) > timed(viaForward)) {
                read = viaBackward;
            }
        }
        // stops printed one per line, paired into legs: a change of trains or a return that the train numbers
        // alone do not split (a leg's number printed in its departure row, or no numbers at all)
        List<Token> lineNumbers = bus ? Legs.busNumbers(text) : numbers;
        // a number printed twice (in the timetable and again with the seat) is one leg's
        List<Token> distinct = new ArrayList<>();
        for (Token number : lineNumbers) {
            if (distinct.stream().noneMatch(t -> t.value().equals(number.value()))) {
                distinct.add(number);
            }
        }
        List<Map<String, Object>> viaStops = stopLegs(lineNumbers, distinct, bus);
        if (!viaStops.isEmpty() && (read.isEmpty() || viaStops.size() >= 2 && viaStops.size() >= read.size()
                && (lineNumbers.isEmpty() || lineNumbers.size() == viaStops.size()
                        || distinct.size() == viaStops.size() || chained(viaStops, bus) && viaStops.size() > read.size()))) {
            // (legs that chain, each arriving where the next departs, are one journey even when a leg's train
            // number is of a product no pattern knows; their numbers are then left out)
            return viaStops;
        }
        if (!bus && !distinct.isEmpty() && viaStops.size() > distinct.size() && read.size() == distinct.size()) {
            // more legs in the timetable than train numbers: each number's own leg, not one leg over a change
            List<Map<String, Object>> numberedStops = stopLegs(lineNumbers, distinct, false, true);
            if (numberedStops.size() == read.size()) {
                return numberedStops;
            }
        }
        if (bus && read.size() == 1 && lineNumbers.stream().map(Token::value).distinct().count() == 1) {
            @SuppressWarnings("unchecked")
            Map<String, Object> trip = (Map<String, Object>) read.getFirst().get("reservationFor");
            trip.put("busNumber", lineNumbers.getFirst().value());
        }
        return read;
    }

    /** Whether each leg departs from where the one before arrived: a change of trains, or there and back. */
    private static boolean chained(List<Map<String, Object>> legs, boolean bus) {
        for (int i = 0; i + 1 < legs.size(); i++) {
            Object arrived = ((Map<?, ?>) ((Map<?, ?>) legs.get(i).get("reservationFor"))
                    .get(bus ? "arrivalBusStop" : "arrivalStation")).get("name");
            Object departs = ((Map<?, ?>) ((Map<?, ?>) legs.get(i + 1).get("reservationFor"))
                    .get(bus ? "departureBusStop" : "departureStation")).get("name");
            if (!String.valueOf(arrived).equalsIgnoreCase(String.valueOf(departs))) {
                return false;
            }
        }
        return true;
    }

    private static long timed(List<Map<String, Object>> legs) {
        return legs.stream().filter(leg -> ((Map<?, ?>) leg.get("reservationFor")).containsKey("departureTime"))
                .count();
    }

    /** Legs read as stops ({@link JourneyStops}), each dated by its line or the last date above it. */
    private List<Map<String, Object>> stopLegs(List<Token> printed, List<Token> distinct, boolean bus) {
        return stopLegs(printed, distinct, bus, false);
    }

    /**
     * Legs read as stops; with {@code numberedOnly}, only the legs that print one of the train numbers between their
     * departure's row and their arrival's, each with its own: a timetable's bus or unnumbered leg between two trains is left out, not merged into
     * the train's leg ("ICE 1507" Berlin → Erfurt, then "Bus 850" Erfurt → Ilmenau). Empty unless every number is a
     * leg's.
     */
    private List<Map<String, Object>> stopLegs(List<Token> printed, List<Token> distinct, boolean bus,
            boolean numberedOnly) {
        String[] textLines = text.split("\n", -1);
        List<JourneyStops.Leg> stops = JourneyStops.legs(List.of(textLines), this::station);
        if (stops.isEmpty()) {
            return List.of();
        }
        int[] starts = new int[textLines.length + 1];
        for (int i = 0; i < textLines.length; i++) {
            starts[i + 1] = starts[i] + textLines[i].length() + 1;
        }
        // each printed number is its leg's when it stands before that leg's arrival and after the one before: the
        // same service printed for outbound and return is two legs', a number printed again below the timetable
        // (with its seat: "Reservierung: RJX 162, Wagen 24") is no leg's
        boolean inTheirLegs = printed.size() == stops.size();
        for (int i = 0; inTheirLegs && i < printed.size(); i++) {
            int at = printed.get(i).start();
            inTheirLegs = at < starts[stops.get(i).to().line() + 1]
                    && (i == 0 || at >= starts[stops.get(i - 1).to().line() + 1]);
        }
        List<Token> numbers = inTheirLegs || distinct.size() == printed.size() && printed.size() == stops.size()
                ? printed : distinct;
        boolean numbered = numbers.size() == stops.size();
        List<Map<String, Object>> legs = new ArrayList<>();
        int matched = 0;
        for (int i = 0; i < stops.size(); i++) {
            JourneyStops.Leg leg = stops.get(i);
            int lineEnd = starts[leg.from().line() + 1];
            // its number is printed from its departure's row up to its arrival's (a row of cells one per line too)
            int legStart = starts[leg.from().line()];
            int legEnd = leg.to().line() > leg.from().line() ? starts[leg.to().line()] : lineEnd;
            Optional<Token> own = numberedOnly ? distinct.stream()
                    .filter(t -> t.start() >= legStart && t.start() < legEnd).findFirst() : Optional.empty();
            if (numberedOnly && own.isEmpty()) {
                continue;
            }
            // the last day above its departure's line, else one printed between its departure and its arrival
            // ("Firenze S. M. Novella", "Departure 14:15 - 22/04/2027", "Napoli Centrale")
            Optional<LocalDate> date = travelDates(0, lineEnd).reduce((a, b) -> b)
                    .or(() -> travelDates(lineEnd, legEnd).findFirst());
            if (date.isEmpty() || date.get().isBefore(earliest)) {
                continue;
            }
            LocalTime departs = leg.from().time();
            Map<String, Object> trip = new LinkedHashMap<>();
            trip.put("@type", bus ? "BusTrip" : "TrainTrip");
            if (own.isPresent()) {
                trip.put(bus ? "busNumber" : "trainNumber", own.get().value());
                matched++;
            } else if (numbered) {
                trip.put(bus ? "busNumber" : "trainNumber", numbers.get(i).value());
            } else if (!numberedOnly) {
                // its own number: the one known train number printed in its rows, else the product and number a
                // timetable prints after its departure time ("09.08. 09:07 R 945", "ab 12:17 | 10 A-B | S0")
                List<Token> inRows = distinct.stream().filter(t -> t.start() >= legStart && t.start() < legEnd)
                        .toList();
                // (a coach's line only as a line label prints it: "Line N1234")
                Optional<String> rowNumber = inRows.size() == 1 ? Optional.of(inRows.getFirst().value())
                        : inRows.isEmpty() && !bus ? RowTrainNumbers.afterTime(textLines[leg.from().line()], departs)
                                : Optional.empty();
                rowNumber.ifPresent(number -> trip.put(bus ? "busNumber" : "trainNumber", number));
            }
            trip.put(bus ? "departureBusStop" : "departureStation",
                    Map.of("@type", bus ? "BusStop" : "TrainStation", "name", leg.from().place()));
            trip.put(bus ? "arrivalBusStop" : "arrivalStation",
                    Map.of("@type", bus ? "BusStop" : "TrainStation", "name", leg.to().place()));
            LocalTime arrives = leg.to().time();
            trip.put("departureTime", Legs.localTime(date.get(), departs, Optional.empty()));
            trip.put("arrivalTime", Legs.localTime(arrives.isBefore(departs) ? date.get().plusDays(1) : date.get(),
                    arrives, Optional.empty()));
            Map<String, Object> reservation = new LinkedHashMap<>();
            reservation.put("@type", bus ? "BusReservation" : "TrainReservation");
            reservation.put("reservationFor", trip);
            legs.add(reservation);
        }
        return numberedOnly && matched != distinct.size() ? List.of() : legs;
    }

    private List<Map<String, Object>> trainLegs(List<Token> numbers, List<Region> regions, boolean bus) {
        List<Map<String, Object>> legs = new ArrayList<>();
        for (int i = 0; i < regions.size(); i++) {
            Region region = regions.get(i);
            if (region.start() >= region.end()) {
                continue; // two numbers on one line ("IC 2 / EC 311"): the backward reading has no region between them
            }
            String part = text.substring(region.start(), region.end());
            List<String> partLines = List.of(part.split("\n"));
            Stations stations = stations(partLines);
            if (stations == null || stations.from().equalsIgnoreCase(stations.to())) {
                continue; // a leg from a station to itself is two legs' ends misread as one
            }
            Optional<LocalDate> date = legDate(region, partLines, stations.fromLine())
                    .or(() -> travelDates(0, region.start()).reduce((a, b) -> b));
            if (date.isEmpty() || date.get().isBefore(earliest)) {
                continue;
            }
            // a time on the station's own line, else one printed under its own label ("Arrival time: 10:05"),
            // else on the line after the station's unless that is the other station's line
            Optional<LocalTime> departs = stopTime(partLines, stations, stations.fromLine())
                    .or(() -> stations.fromLine() < 0 ? wordedTime(DEPARTURE_TIME, part) : Optional.empty())
                    .or(() -> onLine(partLines, stations.fromLine()))
                    .or(() -> labelledTime(Labels.FROM, partLines))
                    .or(() -> timeAt(partLines, stations.fromLine(), stations.toLine()))
                    .or(() -> firstTimeFrom(partLines, stations));
            Optional<LocalTime> arrives = stopTime(partLines, stations, stations.toLine())
                    .or(() -> onLine(partLines, stations.toLine()))
                    .or(() -> labelledTime(Labels.TO, partLines))
                    .or(() -> timeAt(partLines, stations.toLine(), stations.fromLine()))
                    .filter(t -> stations.toLine() != stations.fromLine() && !t.equals(departs.orElse(null)))
                    .or(() -> stations.toLine() < 0 ? wordedTime(ARRIVAL_TIME, part) : Optional.empty())
                    .or(() -> stations.fromLine() >= 0 && stations.fromLine() == stations.toLine()
                            ? DateTimes.times(partLines.get(stations.toLine())).stream().skip(1).map(Found::value)
                                    .findFirst()
                            : Optional.empty())
                    // "London St Pancras -> Brussels-Midi" above "Monday 15 March 2027, 08:16 - 11:05": the range's end
                    .or(() -> stations.toLine() < 0 && departs.isPresent() ? rangeEnd(part, departs.get())
                            : Optional.empty());
            Map<String, Object> trip = new LinkedHashMap<>();
            trip.put("@type", bus ? "BusTrip" : "TrainTrip");
            if (!numbers.isEmpty()) {
                trip.put(bus ? "busNumber" : "trainNumber", numbers.get(i).value());
            }
            trip.put(bus ? "departureBusStop" : "departureStation",
                    Map.of("@type", bus ? "BusStop" : "TrainStation", "name", stations.from()));
            trip.put(bus ? "arrivalBusStop" : "arrivalStation",
                    Map.of("@type", bus ? "BusStop" : "TrainStation", "name", stations.to()));
            if (departs.isEmpty()) {
                trip.put("departureDay", date.get().toString());
            } else {
                trip.put("departureTime", Legs.localTime(date.get(), departs.get(), Optional.empty()));
                arrives.ifPresent(time -> trip.put("arrivalTime", Legs.localTime(
                        time.isBefore(departs.get()) ? date.get().plusDays(1) : date.get(), time, Optional.empty())));
            }
            Map<String, Object> reservation = new LinkedHashMap<>();
            reservation.put("@type", bus ? "BusReservation" : "TrainReservation");
            reservation.put("reservationFor", trip);
            legs.add(reservation);
        }
        return legs;
    }

    private static final Pattern TIME_RANGE = Pattern.compile(
            "(?<![\\d:.])(\\d{1,2}[:h]\\d{2})\\s*(?:-|–|—|→|>)\\s*(\\d{1,2}[:h]\\d{2})(?![\\d])");

    /** The end of the first time range of a leg's part ("08:16 - 11:05") that starts at its departure time. */
    private static Optional<LocalTime> rangeEnd(String part, LocalTime departs) {
        Matcher m = TIME_RANGE.matcher(part);
        if (!m.find()) {
            return Optional.empty();
        }
        List<Found<LocalTime>> start = DateTimes.times(m.group(1));
        List<Found<LocalTime>> end = DateTimes.times(m.group(2));
        return !start.isEmpty() && !end.isEmpty() && start.getFirst().value().equals(departs)
                ? Optional.of(end.getFirst().value()) : Optional.empty();
    }

    /** Lines that date the purchase, not the journey: "Purchase date: 25/11/2026", "Buchung vom 26.11.2026". */
    private static final Pattern BOOKED_ON = Pattern.compile(
            "(?iu)\\b(purchase date|date of purchase|purchased on|booked on|booking date|order date|issued on|"
                    + "date of issue|kaufdatum|buchungsdatum|buchung vom|bestellt am|ausgestellt am|bestelldatum|"
                    + "date d'achat|date de commande|achat du|achat le|émis le|fecha de compra|fecha de emisión|"
                    + "comprado el|emitido el)\\b");

    /**
     * The dates of the text between two positions that may be a journey's, in order: not past ones, nor those on a
     * line dating the purchase. Read from the text's dates, parsed once.
     */
    private java.util.stream.Stream<LocalDate> travelDates(int from, int to) {
        return dates().stream().filter(d -> d.start() >= from && d.start() < to && !d.value().isBefore(earliest)
                && !BOOKED_ON.matcher(text.substring(lineStart(d.start()), lineEnd(d.start()))).find())
                .map(Found::value);
    }

    /**
     * The day of a leg: a date on its departure's line ("Departure: Roma Termini - 15/05/2027 at 08:00"), else the
     * last date above that line (a day heading), else the first of its part; never the date of the purchase.
     */
    private Optional<LocalDate> legDate(Region region, List<String> partLines, int fromLine) {
        if (fromLine >= 0 && fromLine < partLines.size()) {
            int offset = region.start();
            for (int i = 0; i < fromLine; i++) {
                offset += partLines.get(i).length() + 1;
            }
            Optional<LocalDate> own = travelDates(offset, offset + partLines.get(fromLine).length()).findFirst();
            if (own.isPresent()) {
                return own;
            }
            Optional<LocalDate> above = travelDates(region.start(), offset).reduce((a, b) -> b);
            if (above.isPresent()) {
                return above;
            }
        }
        return travelDates(region.start(), region.end()).findFirst();
    }

    /** Where a leg goes from and to, and the line (of its part) the departure was read from, or -1. */
    private record Stations(String from, String to, int fromLine, int toLine, boolean stops) {

        Stations(String from, String to, int fromLine, int toLine) {
            this(from, to, fromLine, toLine, false);
        }
    }

    /** Departure and arrival station of a leg: by label, by an arrow between names, or as "time station" lines. */
    private Stations stations(List<String> part) {
        Optional<Map.Entry<Integer, String>> from = Labels.FROM.values(part).stream()
                .map(e -> Map.entry(e.getKey(), station(e.getValue()))).filter(e -> !e.getValue().isEmpty()).findFirst();
        Optional<Map.Entry<Integer, String>> to = Labels.TO.values(part).stream()
                .map(e -> Map.entry(e.getKey(), station(e.getValue()))).filter(e -> !e.getValue().isEmpty()).findFirst();
        if (from.isPresent() && to.isPresent()) {
            return new Stations(from.get().getValue(), to.get().getValue(), from.get().getKey(), to.get().getKey());
        }
        // a timetable's rows of stops ("Halt | Datum | Zeit"): the first stop and the last
        List<Map.Entry<Integer, String>> stops = Labels.STATION.values(part).stream()
                .map(e -> Map.entry(e.getKey(), station(e.getValue()))).filter(e -> !e.getValue().isEmpty()).toList();
        if (stops.size() >= 2 && !stops.getFirst().getValue().equals(stops.getLast().getValue())) {
            return new Stations(stops.getFirst().getValue(), stops.getLast().getValue(), stops.getFirst().getKey(),
                    stops.getLast().getKey(), true);
        }
        List<String> places = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < part.size(); i++) {
            Matcher m = TIME_AND_PLACE.matcher(part.get(i).replace('\t', ' ').strip());
            if (m.matches()) {
                String name = station(m.group(2));
                if (!name.isEmpty()) {
                    places.add(name);
                    at.add(i);
                }
            }
        }
        if (places.size() >= 2) {
            return new Stations(places.get(0), places.get(1), at.get(0), at.get(1));
        }
        for (int i = 0; i < part.size(); i++) {
            String lineText = part.get(i);
            Matcher m = ARROW.matcher(lineText.strip());
            // "Passager : Julien Moreau — Carte Avantage": a dash between a passenger and a fare, not a route
            // "Depart Boston, MA - South Station": a dash inside the place a departure word introduces, not a route
            if (m.matches() && Labels.PASSENGER.value(part, i).isEmpty()
                    && !(lineText.contains(" - ") && LEADING_END_WORD.matcher(lineText.strip()).find())) {
                // "Hinfahrt: München Hbf → Salzburg Hbf": the leg's label is not part of the station
                String a = station(LEG_LABEL.matcher(m.group(1)).replaceFirst(""));
                String b = station(m.group(2));
                // two airport codes around an arrow are a flight's route, whatever else the mail says
                if (!a.isEmpty() && !b.isEmpty() && !AIRPORT_CODE.matcher(a).matches() && !AIRPORT_CODE.matcher(b).matches()
                        && a.length() <= 50 && b.length() <= 50) {
                    int line = i;
                    return DateTimes.times(lineText).size() == 2 ? new Stations(a, b, line, line) : new Stations(a, b, -1, -1);
                }
            }
        }
        return null;
    }

    /**
     * A station name as a place, or "" when the value is not one: a label word itself ("Salida" under a header), a
     * label word hung on the name ("Madrid (Estación Sur) - salida"), a seat, a price or a sentence.
     */
    private String station(String value) {
        // "Stuttgart Hbf, 06:51 Uhr, Gleis 16": the platform after the station is not part of its name
        String name = place(PLATFORM_AFTER.matcher(value).replaceFirst(""));
        // "SHIVAJINAGAR - SVJR", "PUNE JUNCTION - PUNE": the station's code after its name is not part of it
        name = STATION_CODE_AFTER.matcher(name).replaceFirst("");
        // "Regensburg Hbf 20.03.": a timetable's day column run into a long name is not part of it
        name = DAY_AFTER.matcher(name).replaceFirst("");
        int dash = name.lastIndexOf(" - ");
        if (dash > 0 && Labels.isAnyBare(name.substring(dash + 3))) {
            name = name.substring(0, dash).strip();
        }
        if (name.isEmpty() || Labels.isAnyBare(name) || NOT_A_STATION.matcher(name).find()
                || WHITESPACE.split(name).length > (ADDRESS_LIKE.matcher(name).find() ? 12 : 7)) {
            return "";
        }
        // "Boston, MA - Apr 15, 2027": a US state's code is part of the stop, not a weekday ("ma", "mi", "mo")
        Matcher state = US_STATE.matcher(value);
        while (state.find()) {
            if (value.startsWith(name, state.start() - name.length())) {
                return name + ", " + state.group(1);
            }
        }
        return name;
    }

    /**
     * The time on a leg's line, or on the line after where tables put it, unless that line is the other station's
     * (its time is the other end's): a time belongs to its own line.
     */
    private static Optional<LocalTime> timeAt(List<String> part, int line, int otherLine) {
        for (int i = line; i >= 0 && i < Math.min(part.size(), line + 2) && (i == line || i != otherLine); i++) {
            List<Found<LocalTime>> times = DateTimes.times(part.get(i));
            if (!times.isEmpty()) {
                return Optional.of(times.getFirst().value());
            }
        }
        return Optional.empty();
    }

    /**
     * The first time printed from the departure's line on: a time above it (when the mail was booked, a header's) is
     * not the departure's.
     */
    private static Optional<LocalTime> firstTimeFrom(List<String> part, Stations stations) {
        int from = stations.fromLine();
        for (int i = 0; from < 0 && i < part.size(); i++) {
            if (part.get(i).contains(stations.from())) {
                from = i;
            }
        }
        for (int i = Math.max(0, from); from >= 0 && i < part.size(); i++) {
            List<Found<LocalTime>> times = DateTimes.times(part.get(i));
            if (!times.isEmpty()) {
                return Optional.of(times.getFirst().value());
            }
        }
        return Optional.empty();
    }

    /** A time right after a departure or arrival word in running text ("Abfahrt 09:27, Ankunft 11:00"). */
    private static final Pattern DEPARTURE_TIME = timeAfter("departure|departs|depart|dep\\.|abfahrt|départ|salida");
    private static final Pattern ARRIVAL_TIME = timeAfter("arrival|arrives|arrive|arr\\.|ankunft|arrivée|llegada");

    private static Pattern timeAfter(String words) {
        // "Arrive 1:35 PM": the half of the day is part of the time
        // "Arrival: 18.04.2027 11:30": a numeric date may stand between the word and the time
        return Pattern.compile("(?iu)\\b(?:" + words + ")\\s*:?\\s*(?:\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4},?\\s+)?"
                + "(?:at\\s+|um\\s+|à\\s+|a las\\s+)?"
                + "(\\d{1,2}[:h.]\\d{2}(?:\\s*[ap]\\.?m\\.?(?![\\p{L}]))?)");
    }

    private static Optional<LocalTime> wordedTime(Pattern worded, String part) {
        Matcher m = worded.matcher(part);
        if (m.find()) {
            List<Found<LocalTime>> times = DateTimes.times(m.group(1));
            return times.isEmpty() ? Optional.empty() : Optional.of(times.getFirst().value());
        }
        return Optional.empty();
    }

    /** In a timetable's rows, the time in the stop's row: its lines up to the next stop. */
    private static Optional<LocalTime> stopTime(List<String> part, Stations stations, int line) {
        if (!stations.stops() || line < 0) {
            return Optional.empty();
        }
        for (int i = line; i < part.size() && (i == line || Labels.STATION.value(part, i).isEmpty()); i++) {
            List<Found<LocalTime>> times = DateTimes.times(part.get(i));
            if (!times.isEmpty()) {
                return Optional.of(times.getFirst().value());
            }
        }
        return Optional.empty();
    }

    private static Optional<LocalTime> onLine(List<String> part, int line) {
        return line < 0 || line >= part.size() ? Optional.empty()
                : DateTimes.times(part.get(line)).stream().map(Found::value).findFirst();
    }

    /** A time printed as the whole value of a departure or arrival label ("Departure time: 09:12"). */
    private Optional<LocalTime> labelledTime(Labels label, List<String> part) {
        return label.values(part).stream().map(Map.Entry::getValue).filter(v -> place(v).isEmpty())
                .flatMap(v -> DateTimes.times(v).stream()).map(Found::value).findFirst();
    }

    // place()'s clean-up, compiled once: it runs for every candidate station, airport, venue and label value
    private static final Pattern PLACE_TIME = Pattern.compile("(?iu)\\b(\\d{1,2}[:h]\\d{2})\\s*(uhr|[ap]\\.?m\\.?)?");
    private static final Pattern FROM_TAB = Pattern.compile("\\t.*$");
    private static final Pattern LEADING_AROUND_PLACES = Pattern.compile(
            "(?iu)^(?:\\s*(?:" + AROUND_PLACES + ")\\.?,?(?![\\p{L}]))+");
    private static final Pattern TRAILING_AROUND_PLACES = Pattern.compile(
            "(?iu)(?:(?<![\\p{L}])(?:" + AROUND_PLACES + ")\\.?,?\\s*)+$");
    private static final Pattern EMPTY_BRACKETS = Pattern.compile("[()\\[\\]]\\s*[()\\[\\]]");
    private static final Pattern TRAILING_SEPARATORS = Pattern.compile("[\\s,;|·•]+$");
    private static final Pattern LEADING_SEPARATORS = Pattern.compile("^[\\s,;|·•:-]+");
    private static final Pattern SPACES = Pattern.compile("\\s{2,}");
    private static final Pattern TRAILING_SEPARATORS_OR_DASHES = Pattern.compile("[\\s,;|·•:–-]+$");
    private static final Pattern LEADING_SEPARATORS_OR_DASHES = Pattern.compile("^[\\s,;|·•:–-]+");
    private static final Pattern THREE_LETTERS = Pattern.compile(".*\\p{L}{3}.*");

    /** A place name with the dates, times and decorations around it removed. */
    private String place(String value) {
        String cleaned = value;
        for (Found<LocalDate> date : DateTimes.dates(value, reference, monthFirst).reversed()) {
            cleaned = cleaned.substring(0, date.start()) + " " + cleaned.substring(date.end());
        }
        cleaned = PLACE_TIME.matcher(cleaned).replaceAll(" ");
        cleaned = FROM_TAB.matcher(cleaned).replaceAll("");
        cleaned = LEADING_AROUND_PLACES.matcher(cleaned).replaceAll(" ");
        cleaned = TRAILING_AROUND_PLACES.matcher(cleaned).replaceAll(" ");
        cleaned = EMPTY_BRACKETS.matcher(cleaned).replaceAll(" ");
        cleaned = FROM_TAB.matcher(cleaned).replaceAll("");
        cleaned = TRAILING_SEPARATORS.matcher(cleaned).replaceAll("");
        cleaned = LEADING_SEPARATORS.matcher(cleaned).replaceAll("");
        cleaned = SPACES.matcher(cleaned).replaceAll(" ").strip();
        cleaned = TRAILING_SEPARATORS_OR_DASHES.matcher(cleaned).replaceAll("");
        cleaned = LEADING_SEPARATORS_OR_DASHES.matcher(cleaned).replaceAll("").strip();
        return cleaned.length() > 60 || !THREE_LETTERS.matcher(cleaned).matches() || cleaned.contains("@") ? ""
                : cleaned;
    }

    // ---- hotels

    /**
     * A lodging's name as prose prints it: the lodging word with the capitalised words around it ("Grand Hotel
     * Europa", "Hôtel de la Paix", "Hotel Seeblick Konstanz"), not the sentence it stands in.
     */
    private static final Pattern HOTEL_PHRASE = Pattern.compile(
            "(?u)((?:[\\p{Lu}][\\p{L}'’&-]+\\s){0,2}(?i:hotel|hôtel|inn|resort|hostel|suites|lodge|aparthotel|"
                    + "pension|gasthof|gasthaus|parador|hostal|residence|résidence|guesthouse|motel|posada|auberge|"
                    + "apartamentos|apartments|appartements|villa|chalet|cottage|gîte|finca|riad)"
                    + "(?:\\s(?:(?:de|du|des|la|le|del|am|an|der|zum|zur|of|the|di|los|las|el)\\s){0,2}[\\p{Lu}\\d][\\p{L}\\d'’&-]*){0,6})"
                    + "(?![\\p{L}])");
    private static final java.util.Set<String> NOT_NAME_WORDS = java.util.Set.of("Your", "Our", "The", "Dear",
            "Ihr", "Ihre", "Votre", "Notre", "Su", "Tu", "Thanks", "Thank", "Welcome", "Willkommen", "Bienvenue",
            "Bienvenido", "Booking", "Reservation", "Buchung", "Reservierung", "Réservation", "Reserva", "Confirmed",
            "Confirmation", "Bestätigung", "Cancelled", "At", "In", "Im", "Vom", "Au", "En", "Book", "Stay");

    private static List<String> hotelNames(String line) {
        List<String> names = new ArrayList<>();
        if (line.length() > 300 || line.contains("@") || line.contains("http")) {
            return names;
        }
        Matcher m = HOTEL_PHRASE.matcher(line);
        while (m.find()) {
            List<String> words = new ArrayList<>(List.of(WHITESPACE.split(m.group(1))));
            while (words.size() > 2 && NOT_NAME_WORDS.contains(words.getFirst())) {
                words.removeFirst();
            }
            while (words.size() > 2 && NOT_NAME_WORDS.contains(words.getLast())) {
                words.removeLast();
            }
            String before = line.substring(0, m.start(1)).strip();
            String previous = before.substring(before.lastIndexOf(' ') + 1);
            if (!previous.isEmpty() && HotelBrands.isBrand(previous)) {
                words.addFirst(previous); // "Radisson Blu Royal Hotel": the chain's name before the phrase's words
            }
            if (words.size() >= 2) {
                names.add(String.join(" ", words));
            }
        }
        return names;
    }

    /** Whether the mail speaks of a stay: a lodging's word before a name, or a hotel brand. */
    private boolean aboutAStay() {
        return mayMatch(HOTEL_STEMS) && HOTEL_NAME.matcher(text).find() || HotelBrands.named(text);
    }

    private Optional<Map<String, Object>> lodging(boolean journeyFound, String subject) {
        // "Arrival" and "Departure" mean check-in and check-out only in a mail about a stay, not about a journey
        boolean lodgingWords = !journeyFound && aboutAStay();
        Optional<LocalDate> checkin = firstDate(Labels.CHECKIN)
                .or(() -> lodgingWords ? firstDate(Labels.TO) : Optional.empty());
        Optional<LocalDate> checkout = firstDate(Labels.CHECKOUT)
                .or(() -> lodgingWords ? firstDate(Labels.FROM) : Optional.empty());
        if (checkin.isEmpty() && checkout.isEmpty()) {
            // "Check-in      Checkout" over a row of dates: a text mail's columns
            checkin = columnDate(Labels.CHECKIN);
            checkout = columnDate(Labels.CHECKOUT);
        }
        if (checkin.isEmpty() && checkout.isEmpty() && lodgingWords) {
            // "Dates: del 14/05/2027 al 17/05/2027", "from 9 April 2027 to 12 April 2027": a stay's two ends
            for (Map.Entry<Integer, String> value : Labels.DATE.values(lines)) {
                List<Found<LocalDate>> ends = DateTimes.dates(value.getValue(), reference, monthFirst);
                if (ends.size() == 2 && RANGE.matcher(value.getValue().substring(ends.get(0).end(),
                        ends.get(1).start())).matches()) {
                    checkin = Optional.of(ends.get(0).value());
                    checkout = Optional.of(ends.get(1).value());
                    break;
                }
            }
        }
        if (checkin.isEmpty() && checkout.isEmpty() && journeyFound && mayMatch(HOTEL_STEMS)
                && HOTEL_NAME.matcher(text).find()) {
            // a trip's hotel: its name, then its dates in a few lines ("Hotel Avenida / 16–19 April 2027 · 3 nights")
            for (int i = 0; i < lines.size() && checkin.isEmpty(); i++) {
                String line = lines.get(i).split("\t")[0].strip();
                if (line.length() <= 60 && isHotelHeading(line)) {
                    String block = String.join("\n", lines.subList(i, Math.min(lines.size(), i + 4)));
                    Optional<StayDates.Range> range = StayDates.in(block, reference, monthFirst);
                    if (range.isPresent()) {
                        checkin = Optional.of(range.get().first());
                        checkout = Optional.of(range.get().last());
                    }
                }
            }
        }
        if (checkin.isEmpty() && checkout.isEmpty() && lodgingWords) {
            // "Dates: 3–6 June 2027", "pour la période du 12 au 15 mars 2027": a range, labelled first, else in prose
            Optional<StayDates.Range> range = Labels.DATE.values(lines).stream()
                    .flatMap(value -> StayDates.in(value.getValue(), reference, monthFirst).stream()).findFirst()
                    .or(() -> StayDates.in(text, dates(), monthFirst));
            if (range.isPresent()) {
                checkin = Optional.of(range.get().first());
                checkout = Optional.of(range.get().last());
            }
        }
        if (checkin.isPresent() && checkout.isEmpty()) {
            // "Check-in: Fri 12 Mar 2027 – Check-out: Mon 15 Mar 2027" on one line: the label's second date
            LocalDate first = checkin.get();
            checkout = secondDate(Labels.CHECKIN).filter(day -> day.isAfter(first));
        }
        if (checkin.isPresent() && (checkout.isEmpty() || !checkout.get().isAfter(checkin.get()))) {
            Matcher nights = NIGHTS.matcher(text);
            if (nights.find()) {
                checkout = Optional.of(checkin.get().plusDays(Integer.parseInt(nights.group(1))));
            } else {
                LocalDate first = checkin.get();
                checkout = StayDates.labelledNights(text).map(first::plusDays); // "Number of nights: 2"
            }
        }
        if (checkin.isEmpty() && checkout.isPresent()) {
            // "Departure 18.08.2018 … 8 nights", the arrival's date wrapped away from its label: the stay's length
            Matcher nights = NIGHTS.matcher(text);
            if (nights.find()) {
                checkin = Optional.of(checkout.get().minusDays(Integer.parseInt(nights.group(1))));
            }
        }
        if (checkin.isEmpty() || checkout.isEmpty() || !checkout.get().isAfter(checkin.get())
                || checkin.get().isBefore(earliest)
                || checkout.get().isAfter(checkin.get().plusDays(MAX_NIGHTS))) {
            // more than a month between "arrival" and "departure": an offer's validity, not a booked stay
            return Optional.empty();
        }
        LocalDate first = checkin.get();
        LocalDate last = checkout.get();
        return lodgingName(subject).map(hotel -> stay(hotel, first, last));
    }

    /**
     * The lodging's name the mail prints: under a hotel label, as a heading, a chain's or a phrase's, else the
     * subject's; never from a stay table's header row ("Room type | Hotel | Check-in date"), whose hotel label names a
     * column, not a hotel.
     */
    private Optional<String> lodgingName(String subject) {
        return Labels.HOTEL.values(lines).stream()
                .filter(e -> !ColumnTables.isStayHeader(lines.get(e.getKey())))
                .map(e -> e.getValue().split("\t")[0].strip())
                .filter(v -> v.length() >= 3 && v.length() <= 80).findFirst()
                .or(() -> lines.stream().map(line -> line.split("\t")[0].strip())
                        .filter(line -> line.length() <= 60 && isHotelHeading(line))
                        .findFirst())
                .or(() -> HotelBrands.heading(lines))
                .or(() -> java.util.stream.Stream.concat(java.util.stream.Stream.of(subject), lines.stream())
                        .flatMap(line -> hotelNames(line).stream())
                        .max(java.util.Comparator.comparingInt(String::length)))
                // a holiday let's name says no "hotel": "Reservation confirmed for Sunny loft near Alfama"
                .or(() -> subjectName(subject).or(() -> {
                    Matcher m = CONFIRMED_FOR.matcher(subject);
                    return m.find() ? venueOrShow(m.group(1).strip()) : Optional.empty();
                }).filter(n -> n.indexOf(' ') > 0));
    }

    /**
     * The stays of a mail about lodging: its order table's ({@link #tableStays}) when it lists several, or when
     * nothing else reads one; else the one {@link #lodging} reads.
     */
    private List<Map<String, Object>> lodgings(boolean journeyFound, String subject) {
        Optional<Map<String, Object>> one = lodging(journeyFound, subject);
        if (journeyFound || stayRows().isEmpty()) {
            return one.map(List::of).orElse(List.of());
        }
        List<Map<String, Object>> table = tableStays(lodgingName(subject));
        return table.size() >= 2 || one.isEmpty() ? table : List.of(one.get());
    }

    private static Map<String, Object> stay(String name, LocalDate checkin, LocalDate checkout) {
        Map<String, Object> hotel = new LinkedHashMap<>();
        hotel.put("@type", "LodgingBusiness");
        hotel.put("name", name);
        Map<String, Object> reservation = new LinkedHashMap<>();
        reservation.put("@type", "LodgingReservation");
        reservation.put("reservationFor", hotel);
        reservation.put("checkinTime", checkin.toString());
        reservation.put("checkoutTime", checkout.toString());
        return reservation;
    }

    /** The room rows of an order table whose header names check-in and check-out columns, read once. */
    private List<ColumnTables.StayRow> stayRows() {
        if (stayRows == null) {
            stayRows = List.copyOf(ColumnTables.stays(lines, reference, monthFirst));
        }
        return stayRows;
    }

    private List<ColumnTables.StayRow> stayRows;

    /**
     * The stays of a booking engine's order table ({@link ColumnTables#stays}): one per hotel and pair of days, the
     * rooms of one hotel for the same nights being one stay. The hotel is the row's hotel cell, else a hotel's name
     * among its cells, else the one the mail names ({@code named}); a stay of no hotel is not read.
     */
    private List<Map<String, Object>> tableStays(Optional<String> named) {
        Map<List<Object>, Map<String, Object>> stays = new LinkedHashMap<>();
        for (ColumnTables.StayRow row : stayRows()) {
            if (row.checkin().isBefore(earliest)) {
                continue;
            }
            Optional<String> hotel = Optional.of(row.hotel()).filter(cell -> cell.length() >= 3 && cell.length() <= 80)
                    .or(() -> row.cells().stream().map(String::strip)
                            .filter(cell -> cell.length() <= 60 && isHotelHeading(cell)).findFirst())
                    // the mail's hotel for a row that names none, only in a mail about a stay: "Start date | End
                    // date" columns are a subscription's or a course's as well
                    .or(() -> aboutAStay() ? named : Optional.empty());
            if (hotel.isEmpty()) {
                return List.of();
            }
            stays.putIfAbsent(List.of(hotel.get(), row.checkin(), row.checkout()),
                    stay(hotel.get(), row.checkin(), row.checkout()));
        }
        return List.copyOf(stays.values());
    }

    /** Longer "stays" are offers' validity periods or long lets, which confirmations of this kind are not. */
    private static final int MAX_NIGHTS = 31;

    /** A line that is a lodging's name as a heading prints it: a hotel phrase and only capitalised words. */
    private static boolean isHotelHeading(String line) {
        List<String> names = hotelNames(line);
        if (names.contains(line)) {
            return true;
        }
        if (!names.isEmpty() && line.startsWith(names.getFirst()) && !line.endsWith(names.getFirst())) {
            // "Seaview Cottage with Garden", "Riverside Lodge by the Lake": the name goes on after the lodging word
            String[] after = WHITESPACE.split(line.substring(names.getFirst().length()).strip());
            return after.length <= 4 && java.util.Arrays.stream(after).allMatch(word -> NAME_LINKS.contains(word)
                    || Character.isUpperCase(word.codePointAt(0)) && !NOT_NAME_WORDS.contains(word));
        }
        if (names.isEmpty() || !line.endsWith(names.getFirst())) {
            return false;
        }
        // "The Linden Tree Inn": the article the phrase left out is the name's
        String[] before = WHITESPACE.split(line.substring(0, line.length() - names.getFirst().length()).strip());
        if (before.length > 3) {
            return false;
        }
        for (String word : before) {
            // "Casa do Rio Guesthouse", "Villa la Rosa Hotel": capitalised words and a name's small ones
            if (!ARTICLES.contains(word) && !NAME_PARTICLES.contains(word)
                    && (!Character.isUpperCase(word.codePointAt(0)) || NOT_NAME_WORDS.contains(word))) {
                return false;
            }
        }
        return true;
    }

    private static final java.util.Set<String> NAME_LINKS = java.util.Set.of("with", "by", "near", "on", "at",
            "and", "&", "of", "the", "mit", "am", "an", "der", "avec", "sur", "con", "del", "de", "la");
    private static final java.util.Set<String> NAME_PARTICLES = java.util.Set.of("do", "da", "dos", "das", "de", "del",
            "la", "le", "di", "am", "an", "zum", "zur");
    private static final java.util.Set<String> ARTICLES = java.util.Set.of("The", "Le", "La", "Les", "L'", "El", "Los",
            "Las", "Der", "Die", "Das");

    private Optional<LocalDate> secondDate(Labels label) {
        return label.values(lines).stream().map(value -> DateTimes.dates(value.getValue(), reference, monthFirst))
                .filter(dates -> dates.size() >= 2).map(dates -> dates.get(1).value()).findFirst();
    }

    private Optional<LocalDate> columnDate(Labels label) {
        return ColumnTables.values(lines, label).stream()
                .flatMap(value -> DateTimes.dates(value.getValue(), reference, monthFirst).stream())
                .map(Found::value).findFirst();
    }

    private Optional<LocalDate> firstDate(Labels label) {
        for (Map.Entry<Integer, String> value : label.values(lines)) {
            String around = value.getValue();
            int next = value.getKey() + 1;
            if (next < lines.size()) {
                around = around + "\n" + lines.get(next);
            }
            List<Found<LocalDate>> dates = DateTimes.dates(around, reference, monthFirst);
            if (!dates.isEmpty()) {
                return Optional.of(dates.getFirst().value());
            }
        }
        return Optional.empty();
    }

    /**
     * The date and time of a label: in its own value first ("Pick-up: Fri 16 Apr 2027, 10:00"), else in the value and
     * the two lines after it, unless those carry another value of a label (the return's under the pick-up's).
     */
    private Optional<String> firstDateTime(Labels label) {
        List<Map.Entry<Integer, String>> values = label.values(lines);
        for (Map.Entry<Integer, String> value : values) {
            Optional<String> own = dateTime(value.getValue());
            if (own.isPresent()) {
                return own;
            }
        }
        for (Map.Entry<Integer, String> value : values) {
            String around = value.getValue();
            // a bare label's block ("Abholung" / place / day / time) reaches one line further: its value is a line
            int reach = value.getKey() + 3 + (value.getKey() + 1 < lines.size()
                    && lines.get(value.getKey() + 1).strip().equals(value.getValue()) ? 1 : 0);
            for (int next = value.getKey() + 1; next < Math.min(lines.size(), reach); next++) {
                if (lines.get(next).strip().equals(value.getValue())) {
                    continue; // the bare label's value, read already
                }
                // another label's row, unless it dates this one ("Départ" / "Agence | Lyon" / "Date | 16 avril")
                if (lines.get(next).indexOf('\t') > 0 && label.value(lines, next).isEmpty()
                        && Labels.DATE.value(lines, next).isEmpty()) {
                    break;
                }
                around = around + "\n" + lines.get(next);
            }
            Optional<String> near = dateTime(around);
            if (near.isPresent()) {
                return near;
            }
        }
        return Optional.empty();
    }

    private Optional<String> dateTime(String text) {
        List<Found<LocalDate>> dates = DateTimes.dates(text, reference, monthFirst);
        List<Found<LocalTime>> times = DateTimes.times(text);
        if (!dates.isEmpty() && !times.isEmpty()) {
            return Optional.of(Legs.localTime(dates.getFirst().value(), times.getFirst().value(), Optional.empty()));
        }
        return Optional.empty();
    }

    // ---- rental cars

    private Optional<Map<String, Object>> rentalCar(String subject) {
        if (!mentionsCar(subject) && !rentalByItsRows(subject) || RIDE_WORDS.matcher(text).find()) {
            return Optional.empty();
        }
        Labels pickup = pickupLabel();
        Optional<String> pickupTime = firstDateTime(pickup);
        Optional<String> dropoffTime = firstDateTime(Labels.DROPOFF);
        if (pickupTime.isEmpty() || LocalDate.parse(pickupTime.get().substring(0, 10)).isBefore(earliest)) {
            return Optional.empty();
        }
        Map<String, Object> reservation = new LinkedHashMap<>();
        reservation.put("@type", "RentalCarReservation");
        reservation.put("reservationFor", Map.of("@type", "RentalCar", "name", "Rental car"));
        reservation.put("pickupTime", pickupTime.get());
        Optional<Map<String, Object>> pickupPlace = carPlace(pickup);
        pickupPlace.ifPresent(place -> reservation.put("pickupLocation", place));
        dropoffTime.ifPresent(time -> reservation.put("dropoffTime", time));
        carPlace(Labels.DROPOFF)
                .flatMap(place -> RentalWords.SAME_PLACE.matcher(String.valueOf(place.get("name"))).find() ? pickupPlace
                        : Optional.of(place))
                .ifPresent(place -> reservation.put("dropoffLocation", place));
        return Optional.of(reservation);
    }

    /**
     * The rows of the pick-up: its own label, else, in a rental's return and departure rows ("Départ" / "Retour", as
     * French renters head them) with no train or flight named, the departure's.
     */
    private Labels pickupLabel() {
        return Labels.PICKUP.values(lines).isEmpty() && !Labels.DROPOFF.values(lines).isEmpty()
                && RentalWords.OR_SIMILAR.matcher(text).find() && !RentalWords.TRANSFER.matcher(text).find()
                && trainNumbers().isEmpty()
                && flightNumbers().isEmpty()
                ? Labels.FROM : Labels.PICKUP;
    }

    /** A vehicle, renting, and pick-up and return rows: a rental whatever the vehicle is called. */
    private boolean rentalByItsRows(String subject) {
        // the return's rows first: most mails have none, and the pick-up's label depends on them
        return !Labels.DROPOFF.values(lines).isEmpty() && !pickupLabel().values(lines).isEmpty()
                && VEHICLE_WORDS.matcher(text).find() && (RENT_WORDS.matcher(subjectAndText(subject)).find()
                        // "BMW 1er oder ähnlich", "Seat Ibiza o similar": a car class is what only renting books
                        // an airport transfer also names a car class, with a driver who meets you
                        || RentalWords.OR_SIMILAR.matcher(text).find() && !RentalWords.TRANSFER.matcher(subjectAndText(subject)).find());
    }

    private Optional<Map<String, Object>> carPlace(Labels label) {
        for (Map.Entry<Integer, String> value : label.values(lines)) {
            List<String> candidates = new ArrayList<>();
            candidates.add(value.getValue());
            for (int next = value.getKey() + 1; next < Math.min(lines.size(), value.getKey() + 3); next++) {
                candidates.add(lines.get(next));
            }
            for (String candidate : candidates) {
                String name = place(LEG_LABEL.matcher(LABEL_CELL.matcher(candidate).replaceFirst(""))
                        .replaceFirst(""));
                if (name.isEmpty()) {
                    // an address in several lines read as one: "Boston Logan Airport (BOS) 15 Transportation Way …"
                    name = place(firstAddressPart(LEG_LABEL.matcher(FROM_TAB_START.matcher(candidate)
                            .replaceFirst("")).replaceFirst("")));
                }
                if (!name.isEmpty() && !Labels.isAnyBare(name)
                        && !DATE_OR_TIME_WORD.matcher(name).matches()) {
                    return Optional.of(Map.of("@type", "Place", "name", name));
                }
            }
        }
        return Optional.empty();
    }

    private static final Pattern FROM_TAB_START = Pattern.compile("^[^\t]*\t");
    /** A row's label cell under a pick-up or return heading: "Agence", "Branch", "Station" before the place. */
    private static final Pattern LABEL_CELL = Pattern.compile("^[\\p{L} ]{2,20}\t(?=\\p{Lu})");
    /** Where a place's name ends and its street address begins: after a bracketed code, before a house number. */
    private static final Pattern ADDRESS_START = Pattern.compile("(?<=\\))\\s|\\s(?=\\d{1,5}[a-z]?\\s+\\p{Lu})|,\\s");

    private static String firstAddressPart(String value) {
        Matcher m = ADDRESS_START.matcher(value);
        return m.find() ? value.substring(0, m.start()) : value;
    }

    // ---- restaurants and events

    /** The first date still to come, when its line is a card's date line (a name above it, a venue below). */
    private Optional<Integer> cardLine() {
        return startDates().findFirst().flatMap(date -> {
            int line = CardLines.lineOf(lines, date.start());
            int lineStart = lineStart(date.start());
            return CardLines.isDateLine(lines.get(line), date.start() - lineStart) ? Optional.of(line) : Optional.empty();
        });
    }

    /** A line that dates the order: "Order #9182736450 - 30 November 2026", "Tu compra se ha realizado el 30/11/2026". */
    private static final Pattern ORDERED = Pattern.compile(
            "(?iu)\\b(order|ordered|placed|purchase|purchased|bought|compra|comprado|realizado|realizada|commande|"
                    + "commandé|achat|bestellung|bestellt|gekauft|kauf|pedido)\\b");

    /**
     * The dates that may start a show or a table, in order: not past ones, nor the purchase's (a line dating the
     * order, or a line of the order's words with a date no later than the mail's).
     */
    private java.util.stream.Stream<Found<LocalDate>> startDates() {
        return dates().stream().filter(d -> !d.value().isBefore(earliest)).filter(d -> {
            String line = text.substring(lineStart(d.start()), lineEnd(d.start()));
            return !BOOKED_ON.matcher(line).find() && (d.value().isAfter(reference) || !ORDERED.matcher(line).find());
        });
    }

    /** A request for a review or a rating after the visit or the show: its booking is past. */
    private static final Pattern REVIEW_SUBJECT = Pattern.compile(
            "(?iu)\\b(how was|how did|rate your|review|comment s'est pass|votre avis|donnez votre avis|wie war|"
                    + "bewerten|bewertung|qué tal|que tal|valora|tu opinión|opina)");

    private static final Pattern SEAT_WORDS = Pattern.compile(
            "(?iu)\\b(seats|sitzplätze|plätze|places réservées|butacas|asientos)\\b");

    /** A place on a waiting list, which books nothing yet: "You're on the waitlist", "Sie stehen auf der Warteliste". */
    private static final Pattern WAITLIST = Pattern.compile(
            "(?iu)\\b(wait ?list|waiting list|warteliste|liste d'attente|lista de espera)\\b");
    private static final List<String> WAITLIST_STEMS = List.of("waitlist", "wait list", "waiting list", "warteliste",
            "liste d'attente", "lista de espera");

    /** Whether the subject, or a line of the body, says the mail puts someone on a waiting list. */
    private boolean waitlisted(String subject) {
        return WAITLIST.matcher(subject).find() || mayMatch(WAITLIST_STEMS) && lines.stream().anyMatch(line ->
                line.length() < 120 && WAITLIST.matcher(line).find() && ON_LIST.matcher(line).find());
    }

    /** Being on the list, not a confirmation's remark about others on it ("release your table to the waitlist"). */
    private static final Pattern ON_LIST = Pattern.compile(
            "(?iu)\\b(you(?:'re| are| have been added)|on the|auf der|stehen|sind|êtes|vous|estás|está|en la)\\b");

    private Optional<Map<String, Object>> table(String subject) {
        // a party's size is a table's when nothing speaks of tickets ("pour 3 personnes" under the restaurant's name)
        boolean party = PARTY.matcher(text).find() && !AdmissionWords.TICKETS.matcher(subjectAndText(subject)).find();
        // a show's tickets at a venue named "Café" are no table: a table is for a party
        if (!FOOD_WORDS.matcher(subjectAndText(subject)).find() && !party
                || AdmissionWords.TICKETS.matcher(subject).find()
                || AdmissionWords.TICKETS.matcher(text).find() && !PARTY.matcher(text).find()
                || REVIEW_SUBJECT.matcher(subject).find() || waitlisted(subject)) {
            return Optional.empty();
        }
        // a restaurant's name as printed: "Le Comptoir" keeps its article, which place() would take for a word
        Optional<String> name = Labels.RESTAURANT.values(lines).stream().map(e -> e.getValue().split("\t")[0].strip())
                .filter(n -> n.length() >= 3 && n.length() <= 80 && !place(n).isEmpty()).findFirst()
                .or(() -> subjectName(subject))
                .or(() -> java.util.stream.Stream.concat(java.util.stream.Stream.of(subject), lines.stream())
                        .flatMap(line -> RESTAURANT_PHRASE.matcher(line).results()).map(m -> m.group(1))
                        .filter(n -> !ONE_WORD.matcher(n).matches()).findFirst())
                .or(() -> lines.stream().flatMap(line -> sentenceName(line).stream()).findFirst())
                .or(() -> cardLine().flatMap(line -> CardLines.nameAbove(lines, line))
                        .flatMap(TextReservations::cardName));
        Optional<String> start = startTime(false);
        if (name.isEmpty() || start.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> reservation = new LinkedHashMap<>();
        reservation.put("@type", "FoodEstablishmentReservation");
        reservation.put("reservationFor", Map.of("@type", "FoodEstablishment", "name", name.get()));
        reservation.put("startTime", start.get());
        return Optional.of(reservation);
    }

    private Optional<Map<String, Object>> event(String subject) {
        // a train's or a flight's ticket whose legs could not be read is still no show
        // a theatre's box office books seats: a ticket's word when a show's label names what they are for
        boolean seatsForShow = SEAT_WORDS.matcher(text).find() && !Labels.EVENT.values(lines).isEmpty();
        if (!AdmissionWords.TICKETS.matcher(subjectAndText(subject)).find() && !seatsForShow
                || REVIEW_SUBJECT.matcher(subject).find()
                || waitlisted(subject)
                || !trainNumbers().isEmpty()
                || flightNumbers().stream().anyMatch(flight -> !Legs.endsAnAddress(text, flight)) && speaksOfFlying()
                || TRAIN_WORDS.matcher(subject).find()
                || BUS_WORDS.matcher(subject).find()) {
            return Optional.empty();
        }
        // "FC Nordhafen vs. SV Elbtal (2. Bundesliga, 24. Spieltag)": the match, not its round in brackets
        Optional<String> name = Labels.EVENT.values(lines).stream().map(e -> e.getValue().split("\t")[0].strip())
                .map(n -> TRAILING_REMARK.matcher(n).replaceFirst(""))
                .filter(n -> n.length() >= 3 && n.length() <= 80).findFirst().or(() -> subjectName(subject))
                .or(() -> {
                    Matcher m = NAME_AFTER_ORDER.matcher(subject.strip());
                    return m.find() ? venueOrShow(m.group(1).strip()) : Optional.empty();
                })
                .or(() -> lines.stream().flatMap(line -> sentenceName(line).stream()).findFirst())
                .or(() -> cardLine().flatMap(line -> CardLines.nameAbove(lines, line))
                        .flatMap(TextReservations::cardName))
                .or(() -> Labels.DATE.values(lines).stream().findFirst()
                        .flatMap(row -> HeadedRows.nameOver(lines, row.getKey())).flatMap(TextReservations::cardName));
        Optional<String> start = startTime(true);
        if (name.isEmpty() || start.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("@type", "Event");
        event.put("name", name.get());
        event.put("startDate", start.get());
        Labels.VENUE.values(lines).stream().map(e -> place(e.getValue())).filter(v -> !v.isEmpty()).findFirst()
                .or(() -> cardLine().flatMap(line -> CardLines.venue(lines, line)))
                .ifPresent(venue -> event.put("location", Map.of("@type", "Place", "name", venue)));
        Map<String, Object> reservation = new LinkedHashMap<>();
        reservation.put("@type", "EventReservation");
        reservation.put("reservationFor", event);
        return Optional.of(reservation);
    }

    /**
     * Whether a flight-like code is a flight's: the mail says flight or prints a route's airport codes. "Kategorie: PK 2" on a
     * concert ticket is a price category, not Pakistan International's flight 2.
     */
    private boolean speaksOfFlying() {
        // two airports: a route; one code alone may be a company's ("CTS EVENTIM AG" in a footer)
        return FLYING_WORDS.matcher(text).find()
                || Legs.airports(text).stream().map(Token::value).distinct().limit(2).count() == 2;
    }

    private static final Pattern FLYING_WORDS = Pattern.compile(
            "(?iu)\\b(flights?|flug|flüge|fluges|vols?|vuelos?|boarding|embarquement|embarque|airlines?|aerolínea|"
                    + "fluggesellschaft|compagnie aérienne|airport|flughafen|aéroport|aeropuerto|terminal)\\b");

    /**
     * Whether the subject hands over one's own tickets ("Your tickets for …", "Ihre Karten für …", "Vos billets pour
     * …", "Tus entradas para …", "You're going to …"), and the mail is no newsletter or reminder (no unsubscribe link,
     * no basket) and dates a single day to come.
     */
    private boolean ownTickets(String subject) {
        return OWN_TICKETS.matcher(subject).find() && !MAILING.matcher(subject + "\n" + text).find()
                && startDates().map(Found::value).distinct().limit(2).count() == 1;
    }

    private static final Pattern OWN_TICKETS = Pattern.compile(
            "(?iu)^(?:(?:fwd?|wg|tr|rv)\\s*:\\s*)?(?:(?:your|ihre|deine|vos|votre|tus|sus)\\s+(?:e-?)?(?:tickets?|billets?|"
                    + "e-billets?|entradas|karten|eintrittskarten)\\s+(?:for|to|für|pour|para)\\s|you(?:'re| are) going to\\s)");
    /** A newsletter's words: its unsubscribe link, its name (also {@link UnreferencedItineraries}' mailing test). */
    static final String NEWSLETTER_WORDS = "unsubscribe|abbestellen|abmelden|newsletter|désinscri\\p{L}*|"
            + "désabonne\\p{L}*|darse de baja|darte de baja";
    private static final Pattern MAILING = Pattern.compile(
            "(?iu)\\b(" + NEWSLETTER_WORDS + "|basket|cart|warenkorb|panier|cesta|carrito|vorverkauf|on sale|presale|pre-sale|"
                    + "en venta|mise en vente|still available|noch verfügbar|encore disponibles?|todavía disponibles?)\\b");

    /** Whether the mail reminds of a booking begun and not completed, in its subject or its text. */
    private boolean notCompleted(String subject) {
        String foldedSubject = Labels.fold(subject);
        return (mayMatch(NOT_COMPLETED_STEMS) || NOT_COMPLETED_STEMS.stream().anyMatch(foldedSubject::contains))
                && NOT_COMPLETED.matcher(subjectAndText(subject)).find();
    }

    /** Whether the body says the booking was cancelled, not what happens if a flight is ("if … is cancelled"). */
    private boolean saysCancelled() {
        if (!mayMatch(CANCELLED_STEMS)) {
            return false; // the pattern, tried at every index of the text, cost more than all else in a mail's reading
        }
        Matcher m = CANCELLED_IN_BODY.matcher(text);
        while (m.find()) {
            String before = text.substring(Math.max(0, m.start() - 60), m.start());
            String sentence = before.substring(Math.max(0, Math.max(before.lastIndexOf('.'), before.lastIndexOf('\n')) + 1));
            if (!CONDITIONAL.matcher(sentence).matches()) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern CONFIRMED_BOOKING = Pattern.compile(
            "(?iu)\\b(?:reservation|booking|table|réservation|reserva|reservierung|buchung|tisch|mesa)\\b[^.!\\n]{0,30}?"
                    + "\\b(?:confirmed|confirmée|confirmada|bestätigt|reserved|réservée|reserviert|reservada)"
                    + "|\\byou(?:'re| are) (?:booked|all set)"
                    // the restaurant's own mail: "Gerne bestätigen wir Ihre Reservierung", "nous confirmons votre réservation"
                    + "|\\b(?:we (?:are pleased to |hereby )?confirm|bestätigen wir|nous (?:vous )?confirmons|"
                    + "(?:le |te |les )?confirmamos)\\s+(?:\\p{L}+\\s+){0,3}?(?:reservation|booking|table|réservation|"
                    + "reserva|reservierung|tischreservierung|buchung|tisch|mesa)\\b");
    /** Tried only where the first word of one of its alternatives begins. */
    static final StartedSearch CONFIRMED_SEARCH = StartedSearch.where(CONFIRMED_BOOKING,
            StartedSearch.wordStartFolded("reserv", "réservation", "booking", "table", "buchung", "tisch", "mesa", "you",
                    "we ", "bestätigen", "nous ", "le ", "te ", "les ", "confirmamos"));
    // not "reserv": "All rights reserved" closes most newsletters, which would all be read again for nothing
    private static final List<String> CONFIRMED_STEMS = List.of("confirm", "bestätigt", "bestätigen", "booked", "all set",
            "réservée", "reservada", "reserviert");
    private static final String COUNT = "(?:\\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|twelve|deux|trois|quatre|"
            + "cinq|sept|huit|neuf|dix|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|dos|tres|cuatro|cinco|seis|siete|"
            + "ocho|nueve|diez)";
    /** A party's size: "Party of 2", "table for four", "2 personnes", "para cuatro personas". */
    static final Pattern PARTY = Pattern.compile("(?iu)\\b(?:party of|table for|tisch für|mesa para)\\s+" + COUNT
            + "\\b|\\b" + COUNT + "\\s+(?:people|persons|guests|diners|personnes|couverts|personen|gäste|personas|"
            + "comensales)\\b");

    /** What every match of {@code PARTY} contains, folded ("person" for "persons", "personnes", "personen", ...). */
    static final List<String> PARTY_STEMS = List.of("party of", "table for", "tisch für", "mesa para",
            "people", "person", "guests", "diners", "couverts", "gäste", "comensales");

    /** What every match of {@code CANCELLED_IN_BODY} contains, folded: the cancel words' common stems. */
    private static final List<String> CANCELLED_STEMS = List.of("cancel", "storniert", "annul", "anulad");

    /**
     * Whether the text, folded char by char as a case-insensitive Unicode literal compares ({@code SliceU}: a char
     * matches a lower-case ASCII letter when it folds to it), contains one of the (lower-case ASCII) stems: a
     * pattern every match of which contains one is not worth trying at every index of a text without any.
     */
    private boolean mayMatch(List<String> stems) {
        int list = StemLists.indexOf(stems);
        if (list >= 0) {
            if (stemListsInText < 0) {
                stemListsInText = StemLists.AUTOMATON.groupsIn(text);
            }
            return (stemListsInText & 1L << list) != 0;
        }
        if (foldedText == null) {
            foldedText = Labels.fold(text);
        }
        return stems.stream().anyMatch(foldedText::contains);
    }

    private String foldedText;
    /** Which of {@link StemLists#LISTS} have a stem in the text, as bits of their indexes; -1 until read. */
    private long stemListsInText = -1;

    /**
     * The stem lists above, all looked for in one pass over the text (folded as it is read), not a fold of the text
     * and a search per stem; a list not here is looked for as before.
     */
    private static final class StemLists {

        static final List<List<String>> LISTS = List.of(NOT_COMPLETED_STEMS, WAITLIST_STEMS, CONFIRMED_STEMS,
                PARTY_STEMS, CANCELLED_STEMS, TRAIN_STEMS, BUS_STEMS, LINE_STEMS, CAR_STEMS, HOTEL_STEMS);

        static final NamesAutomaton AUTOMATON = automaton();

        private static NamesAutomaton automaton() {
            Map<String, Long> listsByStem = new LinkedHashMap<>();
            for (int i = 0; i < LISTS.size(); i++) {
                for (String stem : LISTS.get(i)) {
                    listsByStem.merge(stem, 1L << i, (a, b) -> a | b);
                }
            }
            return NamesAutomaton.of(listsByStem, c -> Labels.fold((char) c));
        }

        static int indexOf(List<String> stems) {
            for (int i = 0; i < LISTS.size(); i++) {
                if (LISTS.get(i) == stems) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** The subject and the text as the patterns that read both see them, built once, not for each pattern. */
    private String subjectAndText(String subject) {
        if (subjectAndText == null || !subject.equals(subjectOfText)) {
            subjectAndText = subject + "\n" + text;
            subjectOfText = subject;
        }
        return subjectAndText;
    }

    private String subjectAndText;
    private String subjectOfText;

    /** {@code CAR_WORDS} in the subject or the text (its words never span the line break between them). */
    private boolean mentionsCar(String subject) {
        String folded = Labels.fold(subject);
        return (CAR_STEMS.stream().anyMatch(folded::contains) || mayMatch(CAR_STEMS))
                && CAR_WORDS.matcher(subjectAndText(subject)).find();
    }

    // What every match of these word patterns contains, folded; each alternative is covered by one of them
    // ("estaci" for "estación", "tel" for "hôtel", "hotel", "hostel", "motel", "sidence" for "résidence").
    private static final List<String> TRAIN_STEMS = List.of("train", "rail", "bahn", "zug", "gleis", "hbf", "gare",
            "sncf", "renfe", "tren", "estaci", "lner", "eurostar", "thalys", "ouigo", "inoui", "tgv", "amtrak", "italo",
            "iryo", "nightjet", "öbb", "sbb", "vlak", "railcard", "national rail", "avanti", "gwr", "crosscountry",
            "scotrail", "thameslink", "southeastern", "transpennine", "c2c", "chiltern", "coach ");
    private static final List<String> BUS_STEMS = List.of("bus", "autob", "autocar", "alsa", "blablacar", "coach",
            "zob");
    /** What every coach line's word contains, folded ("linie", "line", "ligne", "línea", "bus", "service", "route"). */
    private static final List<String> LINE_STEMS = List.of("lin", "lín", "ligne", "bus", "service", "rout", "ruta");
    private static final List<String> CAR_STEMS = List.of("car", "mietwagen", "autovermietung", "voiture", "alquiler",
            "van ", "vehicle", "véhicule", "utilitaire", "fahrzeugmiete", "transporter", "furgoneta", "mietfahrzeug", "noleggio",
            "huurauto", "autohuur");
    private static final List<String> HOTEL_STEMS = List.of("tel", "inn", "resort", "suites", "lodge", "apartment",
            "appartement", "apartamento", "pension", "gasthof", "gasthaus", "parador", "hostal", "b&b", "sidence",
            "guesthouse", "posada", "auberge", "villa", "chalet", "cottage", "gîte", "ferienwohnung", "ferienhaus",
            "finca", "riad", "d'hôtes", "casa rural", "agriturismo");

    /** A restaurant's name as prose prints it: "Restaurant Zur Post", "Trattoria da Enzo", "Brasserie Lipp". */
    private static final Pattern RESTAURANT_PHRASE = Pattern.compile(
            "(?u)((?i:restaurant|restaurante|ristorante|trattoria|osteria|brasserie|bistro|bistrot|taverna|gasthaus|"
                    + "gasthof|wirtshaus|café|cafe|pizzeria|steakhouse|tapería|marisquería)"
                    + "(?:\\s(?:(?:de|du|des|la|le|del|da|am|zum|zur|of|the|di)\\s)?[\\p{Lu}\\d][\\p{L}\\d'’&-]*){1,4})"
                    + "(?![\\p{L}])");

    /** The name a sentence of the body gives, as a subject would ("Your table at Le Petit Bistro is booked"). */
    private static Optional<String> sentenceName(String line) {
        if (line.length() > 200) {
            return Optional.empty();
        }
        Matcher m = SUBJECT_NAME.matcher(line);
        // the pattern ignores case, so its capital is checked here: "your tickets in the app" names nothing
        if (!m.find() || !Character.isUpperCase(m.group(1).charAt(0))) {
            return Optional.empty();
        }
        // the sentence goes on with the venue or ends: "… para Noche Flamenca en el Teatro Real."
        String name = FINAL_STOPS.matcher(VENUE_AFTER_NAME.matcher(m.group(1)).replaceFirst("")).replaceFirst("")
                .strip();
        return name.length() >= 3 ? venueOrShow(name) : Optional.empty();
    }

    private static Optional<String> subjectName(String subject) {
        Matcher m = SUBJECT_NAME.matcher(subject);
        if (m.find()) {
            return venueOrShow(m.group(1).strip());
        }
        Matcher afterStatus = NAME_AFTER_STATUS.matcher(subject.strip());
        return afterStatus.find() ? venueOrShow(afterStatus.group(1).strip()) : Optional.empty();
    }

    // weekdays of three letters or more: "Ma Cuisine" and "Mi Casa" are restaurants
    private static final Pattern STARTS_WITH_WEEKDAY = Pattern.compile("(?iu)(?:" + java.util.Arrays.stream(
            WEEKDAYS.split("\\|")).filter(day -> day.length() >= 3).collect(java.util.stream.Collectors.joining("|"))
            + "|today|tonight|tomorrow|"
            + "aujourd'hui|ce soir|demain|heute|morgen|hoy|mañana|esta noche)\\b");

    /** A route, which a train's or a bus's tickets are for: "London → York", "Paris - Lyon", "Köln nach Bonn". */
    private static final Pattern ROUTE_IN_NAME = Pattern.compile("(?iu)→|->|»|\\s[>–-]\\s|\\s(?:to|nach|à|a)\\s");

    private static final Pattern TRAILING_REMARK = Pattern.compile("(?<=\\S{3})\\s+\\([^()]*\\)\\s*$");

    /** "Confirmación de compra - Pedido RCN-771204": the order's number, not what it is for. */
    private static final Pattern ORDER_NAMED = Pattern.compile(
            "(?iu)(?:order|pedido|commande|bestellung|auftrag|booking|buchung|réservation|reservation|reserva|"
                    + "reservierung|compra|achat|kauf|purchase)\\b[\\s:#n°º.-]*[\\p{L}\\d-]*\\d");

    /** "for 4 at Lupa Osteria": the party size before the place is not its name. */
    private static final Pattern PARTY_BEFORE = Pattern.compile(
            "(?iu)^\\d{1,2}\\s+(?:\\p{L}+\\s+)?(?:at|chez|bei|im|en|au|à|in)\\s+(?=\\p{Lu})");

    /** Where tickets are kept, not what they are for: "tickets in the Eventbrite app", "Tickets im Überblick". */
    private static final Pattern NOT_A_SHOW = Pattern.compile(
            "(?iu)(?<![\\p{L}])(app|account|wallet|überblick|übersicht|overview|anhang|attachment|pdf|konto|compte|cuenta|"
                    + "inbox|e-?mail|spam)$");

    /**
     * A name read after "for", "at" or "to" when it can be a venue's or a show's: not a party size ("4 people") nor a
     * city, which train and flight tickets are for ("Your tickets to Bordeaux").
     */
    private static Optional<String> venueOrShow(String name) {
        String cleaned = PARTY_BEFORE.matcher(name).replaceFirst("");
        if (cleaned.isEmpty() || Character.isDigit(cleaned.charAt(0)) || Airports.isCity(cleaned)
                || ORDER_NAMED.matcher(cleaned).lookingAt()
                || ROUTE_IN_NAME.matcher(cleaned).find() && !Airports.ofPlaceName(cleaned).isEmpty()
                || STARTS_WITH_WEEKDAY.matcher(cleaned).lookingAt()
                || NOT_A_SHOW.matcher(cleaned).find()
                || !DateTimes.dates(cleaned, LocalDate.of(2000, 1, 1), false).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(cleaned);
    }

    /**
     * A card's heading as a show's or a restaurant's name: a route is one only between places each side of its dash
     * ("Paris - Lyon"), not when a word of a side is a town's ("MATHIEU LAVAL - TOURNÉE 2027"), nor a station.
     */
    private static Optional<String> cardName(String heading) {
        String[] sides = ROUTE_IN_NAME.split(heading);
        if (sides.length < 2) {
            return venueOrShow(heading);
        }
        boolean route = java.util.Arrays.stream(sides).map(String::strip).allMatch(side -> Airports.isCity(side)
                || ONE_WORD.matcher(side).matches() && !Airports.ofPlaceName(side).isEmpty());
        if (route || TRAIN_WORDS.matcher(heading).find() || Character.isDigit(heading.charAt(0))
                || STARTS_WITH_WEEKDAY.matcher(heading).lookingAt()
                || !DateTimes.dates(heading, LocalDate.of(2000, 1, 1), false).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(heading);
    }

    private static final Pattern DOORS_BEFORE = Pattern.compile(
            "(?iu)(?:doors(?: open)?|einlass|ouverture(?: des portes)?|apertura(?: de puertas)?)\\W{0,4}$");
    private static final Pattern SHOW_START = Pattern.compile(
            "(?iu)(?<=\\s)(?:start|show|beginn|début du spectacle|début|inicio|concert)\\s*:\\s*(?=\\d)");
    private static final Pattern DOORS = Pattern.compile(
            "(?iu)\\s*(?:doors|einlass|ouverture des portes|apertura de puertas)");

    /** The date and time labelled as such, or the first date of the mail with the first time after it. */
    /**
     * When the booking starts: a date and a time; with {@code dayWillDo} (a festival's or a day ticket's event) the
     * date alone when a date label gives it and no time is printed anywhere near ("Dates: Wednesday 23 June - Sunday
     * 27 June 2027").
     */
    private Optional<String> startTime(boolean dayWillDo) {
        List<Map.Entry<Integer, String>> timed = Labels.TIME.values(lines);
        // "Doors: 19:00 / Start: 20:00": the start is the booking's time, the doors only when nothing else says one
        Optional<LocalTime> time = timed.stream().filter(e -> !DOORS.matcher(lines.get(e.getKey())).lookingAt())
                .flatMap(e -> DateTimes.times(e.getValue()).stream()).map(Found::value).findFirst()
                // "Doors: 7:00pm   Start: 8:00pm" on one line: the start's time
                .or(() -> timed.stream().map(e -> lines.get(e.getKey())).flatMap(line -> SHOW_START.matcher(line)
                        .results().flatMap(m -> DateTimes.times(line.substring(m.end())).stream().limit(1)))
                        .map(Found::value).findFirst())
                .or(() -> timed.stream().flatMap(e -> DateTimes.times(e.getValue()).stream()).map(Found::value)
                        .findFirst());
        Optional<LocalDate> date = Optional.empty();
        boolean labelledDate = false;
        for (Map.Entry<Integer, String> value : Labels.DATE.values(lines)) {
            String around = value.getValue();
            if (value.getKey() + 1 < lines.size()) {
                around = around + "\n" + lines.get(value.getKey() + 1);
            }
            Optional<LocalDate> labelled = DateTimes.dates(around, reference, monthFirst).stream().map(Found::value)
                    .filter(d -> !d.isBefore(earliest)).findFirst();
            if (labelled.isPresent() && date.isEmpty()) {
                date = labelled;
                labelledDate = true;
                // "Date: Sat 13 Mar 2027, 19:30": the time in the date's own value when no time label gives one
                if (time.isEmpty()) {
                    time = DateTimes.times(around).stream().map(Found::value).findFirst();
                }
            }
        }
        if (date.isEmpty()) {
            // the first date still to come: an order's or the mail's own date earlier in the text is not the start
            Optional<Found<LocalDate>> first = startDates().findFirst();
            if (first.isEmpty()) {
                return Optional.empty();
            }
            date = Optional.of(first.get().value());
            if (time.isEmpty()) {
                int after = first.get().end();
                String window = text.substring(after, Math.min(text.length(), after + 120));
                List<Found<LocalTime>> following = DateTimes.times(window);
                // "Doors 18:30 / Show 19:30": the show's time, the doors' only when no other follows
                time = following.stream().filter(t -> !DOORS_BEFORE.matcher(
                        window.substring(Math.max(0, t.start() - 25), t.start())).find()).map(Found::value).findFirst()
                        .or(() -> following.stream().map(Found::value).findFirst());
            }
        }
        if (time.isEmpty()) {
            return dayWillDo && labelledDate ? Optional.of(date.get().toString()) : Optional.empty();
        }
        return Optional.of(Legs.localTime(date.get(), time.get(), Optional.empty()));
    }

    private static boolean inside(int position, Region region) {
        return position >= region.start() && position < region.end();
    }

    /**
     * The text's lines (a table cell of several lines makes more of them than {@code lines} has) and where each
     * starts, split once: several flight numbers may ask for their line.
     */
    private List<String> textLines;
    private int[] lineStarts;

    private List<String> textLines() {
        if (textLines == null) {
            textLines = List.of(text.split("\n", -1));
            lineStarts = new int[textLines.size()];
            for (int i = 1; i < lineStarts.length; i++) {
                lineStarts[i] = lineStarts[i - 1] + textLines.get(i - 1).length() + 1;
            }
        }
        return textLines;
    }

    /** The index in {@link #textLines()} of the line holding a position of the text. */
    private int lineIndex(int position) {
        textLines();
        int found = java.util.Arrays.binarySearch(lineStarts, position);
        return found >= 0 ? found : -found - 2;
    }

    /** How many lines above and below a lone flight's number its departure and arrival blocks may stand. */
    private static final int NEAR_LINES = 8;

    /** The regions, or none when a lone number's region reaches past the lines around it (a footer's route). */
    private List<Region> nearLoneNumber(List<Token> numbers, List<Region> regions) {
        if (numbers.size() != 1 || regions.isEmpty()) {
            return regions;
        }
        Region near = around(numbers.getFirst());
        return regions.stream().allMatch(r -> r.start() >= near.start() && r.end() <= near.end()) ? regions : List.of();
    }

    /** The number's line and the {@link #NEAR_LINES} lines above and below it. */
    private Region around(Token number) {
        int start = lineStart(number.start());
        for (int i = 0; i < NEAR_LINES && start > 0; i++) {
            start = lineStart(start - 1);
        }
        int end = lineEnd(number.start());
        for (int i = 0; i < NEAR_LINES && end < text.length(); i++) {
            end = lineEnd(end + 1);
        }
        return new Region(start, end);
    }

    private int lineStart(int position) {
        int start = text.lastIndexOf('\n', Math.max(0, position - 1));
        return start < 0 ? 0 : start + 1;
    }

    private int lineEnd(int position) {
        int end = text.indexOf('\n', position);
        return end < 0 ? text.length() : end;
    }
}
