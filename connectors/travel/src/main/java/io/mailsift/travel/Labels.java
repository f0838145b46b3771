package io.mailsift.travel;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The declarative label table: how confirmation mails in English, French, German and Spanish name each field, and
 * how a label is read with its value ("Label: value", a table row of label and value, or the label alone on a line
 * with the value on the next). New languages or wordings are added here, not in code.
 */
enum Labels {

    REFERENCE("booking reference", "booking ref", "booking code", "booking number", "booking no", "booking id",
            "confirmation code", "confirmation number", "confirmation no", "confirmation #", "reservation number",
            "reservation code", "reservation no", "reservation id", "record locator", "pnr", "airline reference",
            "itinerary number", "itinerary #", "itinerary no", "collection reference", "ticket collection reference",
            "collection code", "ticket code", "ticketcode", "codice biglietto",
            "pnr code", "codice pnr", "codice prenotazione", "buchungsnummer",
            "buchungscode", "buchungsreferenz", "reservierungsnummer", "bestätigungsnummer",
            "auftragsnummer", "vorgangsnummer", "buchungs-nr", "buchungsnr", "reservierungs-nr", "reservierungsnr",
            "référence de réservation", "référence de dossier", "référence dossier", "référence", "code de réservation",
            "numéro de réservation", "numéro de confirmation", "n° de réservation", "numéro de dossier",
            "code dossier", "référence de la réservation",
            "localizador", "código de reserva", "codigo de reserva", "número de reserva", "numero de reserva",
            "número de confirmación", "referencia de reserva", "referencia", "código de confirmación",
            "booking reference number", "reservation reference",
            // Italian (Alitalia/ITA, agencies)
            "codice di prenotazione", "numero di prenotazione", "numero prenotazione", "riferimento prenotazione",
            "riferimento della prenotazione", "codice della prenotazione", "dossiernummer",
            "airline confirmation", "airline confirmation code", "filekey", "file key", "trip locator",
            "airline locator", "reservierungscode", "buchungs-code", "réf. de réservation", "réf. dossier",
            "référence du dossier", "localizador de reserva", "código de localizador",
            // travel agencies' own locator beside the airline's; GDS mails in capitals without accents
            "agency reference", "agency record locator", "agency locator", "agency booking reference",
            "trip reference", "reference de dossier", "reference de reservation", "numero de dossier",
            "numero de reservation", "reservation reference number",
            // Dutch (Brussels Airlines, KLM)
            "boekingsreferentie", "boekingscode", "boekingsnummer", "reserveringsnummer", "reserveringscode",
            "reservation locator", "booking locator", "locator",
            // SNCF's and OUIGO's "DOSSIER VOYAGE : XKQ7TZ"; IRCTC's "PNR No.:"; Czech carriers' booking code
            "dossier voyage", "pnr no", "pnr number", "kód rezervace", "číslo rezervace", "rezervační kód",
            // Latin American Spanish; Portuguese
            "clave de reservación", "clave de reservacion", "clave de reserva", "código de reservación",
            "número de reservación", "localizador de la reserva", "código da reserva", "localizador da reserva",
            // "Ref" qualified by whose it is: a reservation system's or an airline's ("Amadeus Ref: QWERTZ", "Airline
            // Ref: LH/ZXCVBN"); a bare "Ref" is an invoice's or a letter's as often
            "amadeus ref", "amadeus reference", "sabre ref", "sabre reference", "sabre locator", "galileo ref",
            "galileo reference", "galileo locator", "apollo ref", "apollo locator", "worldspan ref",
            "worldspan reference", "worldspan locator", "travelport ref", "travelport locator", "gds ref",
            "gds reference", "gds locator", "airline ref", "airline ref no", "carrier ref", "carrier reference",
            "carrier locator", "airline locator code", "agency ref", "pnr ref", "pnr reference", "reservation ref",
            "confirmation ref", "itinerary ref", "booking ref no", "booking ref nr", "booking confirmation number",
            "booking confirmation code", "flight confirmation number", "flight confirmation code",
            // a trip's or an itinerary's number at online agencies ("Trip ID: 7123456789")
            "trip id", "trip number", "trip no", "trip #", "itinerary id", "itinerary code", "itinerary reference",
            "reise-id", "reisenummer", "reise-nr", "reisenr", "numéro de voyage", "n° de voyage", "référence du voyage",
            "référence voyage", "id de viaje", "número de viaje", "numero de viaje", "codice viaggio",
            "numero viaggio", "reisnummer",
            // German, French, Spanish, Italian words for the code more
            "buchungskennung", "buchungs-id", "buchungsreferenznummer", "pnr-code", "pnr-nummer", "filekey-nummer",
            "référence pnr", "code pnr", "numéro pnr", "código pnr",
            "localizador pnr", "codigo de localizador", "número de localizador", "referencia de la reserva",
            "codice di conferma", "numero di conferma", "bevestigingsnummer",
            "bevestigingscode", "n° de dossier", "n° dossier", "n° de confirmation", "code de confirmation",
            "nº de reserva", "n.º de reserva", "n° de reserva", "nº reserva", "nº de localizador",
            "airline reservation code", "airline booking code",
            // US hotels', renters' and agencies' short forms: "Conf #: 48213377", "Confirmation Nbr: QWZKTM"
            "conf #", "conf. #", "conf no", "conf. no", "conf number", "conf. number", "confirmation nbr",
            "confirmation num"),
    /** A purchase's number: the booking's code when the mail prints no booking reference of its own. */
    ORDER_REFERENCE("order number", "order no", "order #", "order id", "bestellnummer", "numéro de commande",
            "n° de commande", "número de pedido", "numero de pedido",
            // a coach or rail ticket's own number, when nothing else names the booking
            "ticket number", "ticket no", "ticketnummer", "numéro de billet", "n° de billet", "número de billete",
            // box offices and ticket shops
            "order ref", "order reference", "ticket id", "bestell-nr", "bestellnr", "auftrags-nr", "n° commande",
            "commande n°", "référence de commande", "nº de pedido", "n.º de pedido", "referencia del pedido",
            "número de compra", "transaction number", "transaction id", "numero ordine", "numero d'ordine",
            "bestelnummer", "ordernummer",
            // a coach or rail e-ticket's number: "Electronic ticket 0123456789", "Elektronická jízdenka č. 0123456789",
            // Czech Railways' "Kód transakce" under the ticket's control data
            "electronic ticket", "electronic ticket no", "elektronická jízdenka č", "jízdenka č", "číslo jízdenky",
            "kód transakce"),
    /** Words that name a booking's code only when a code with a digit follows ("Confirmation: T7KQ2M"). */
    REFERENCE_WORD("confirmation", "booking", "reservation", "buchung", "réservation", "reserva", "dossier",
            "confirmación", "bestätigung"),
    HOTEL("hotel", "property", "accommodation", "hotel name", "unterkunft", "hébergement", "établissement", "hôtel",
            "alojamiento", "establecimiento",
            // a hotel chain's "house" ("Ihr gebuchtes Haus"), in its English and German mails
            "your booked house", "booked house", "gebuchtes haus", "ihr gebuchtes haus", "your hotel", "ihr hotel",
            "votre hôtel", "su hotel"),
    CHECKIN("check-in", "check in", "checkin", "arrival date", "anreise", "anreisedatum", "arrivée", "date d'arrivée",
            "entrada", "llegada", "fecha de entrada", "fecha de llegada",
            // "Arrivée le : vendredi 12/03/2027"
            "arrivée le", "date d'arrivée le", "arrivo", "data di arrivo", "check-in date", "checkin date"),
    CHECKOUT("check-out", "check out", "checkout", "departure date", "abreise", "abreisedatum", "départ",
            "date de départ", "salida", "fecha de salida", "départ le", "date de départ le", "partenza",
            "data di partenza", "check-out date",
            "checkout date"),
    FROM("boarding station", "boarding point", "boarding at", "from", "departure", "depart", "departs", "origin", "von", "abfahrt", "ab", "abflug", "de", "départ", "depuis",
            "origine", "desde", "origen", "salida", "departure airport", "flying from", "aéroport de départ",
            "abflughafen", "aeropuerto de salida", "aeropuerto de origen", "hora de salida", "heure de départ",
            "abfahrtszeit", "vertrek", "vertrektijd", "departing", "leaving", "scheduled departure",
            // a GDS itinerary's "LV FRANKFURT" (leave) and "AR LONDON HEATHROW"
            "lv"),
    TO("to", "arrival", "arrive", "arrives", "destination", "nach", "ankunft", "an", "à", "arrivée", "hasta",
            "destino", "llegada", "ar", "arr", "arrivee", "arriving", "aankomst", "aankomsttijd", "arrival airport", "flying to", "aéroport d'arrivée", "zielflughafen",
            "ankunftsflughafen", "aeropuerto de llegada", "aeropuerto de destino", "hora de llegada",
            "heure d'arrivée", "ankunftszeit"),
    PICKUP("pick-up", "pickup", "pick up", "pick-up location", "pickup location", "pick up location", "collection", "abholung",
            "abholort", "übernahme", "prise en charge", "retrait", "recogida", "lugar de recogida", "pick-up branch",
            "pickup branch", "pick-up station", "pick-up office", "pick-up desk", "abholstation", "abholfiliale",
            "agence de départ", "station de départ", "agence de retrait", "oficina de recogida", "punto de recogida",
            // Italian and Dutch renters
            "ritiro", "luogo di ritiro", "ophalen", "afhalen", "ophaallocatie"),
    DROPOFF("drop-off", "dropoff", "drop off", "return", "drop-off location", "dropoff location", "drop off location",
            "return location", "rückgabe",
            "rückgabeort", "restitution", "retour", "dépôt", "devolución", "devolucion", "lugar de devolución",
            "return branch", "return station", "return office", "drop-off branch", "drop-off station",
            "rückgabestation", "rückgabefiliale", "agence de retour", "agence de restitution", "oficina de devolución",
            "punto de devolución", "riconsegna", "restituzione", "luogo di riconsegna", "inleveren",
            "terugbrengen", "inleverlocatie"),
    EVENT("event", "show", "concert", "veranstaltung", "événement", "spectacle", "evento", "espectáculo",
            "event name", "performance", "konzert", "vorstellung", "manifestation", "concierto", "match", "game",
            "exhibition", "ausstellung", "exposition", "exposición", "artist", "artiste", "künstler", "artista",
            "festival", "film", "movie", "pièce", "obra", "stück", "partido", "encuentro", "rencontre", "spiel",
            "begegnung", "fixture", "mostra", "spettacolo", "concerto",
            "voorstelling", "evenement"),
    VENUE("venue", "location", "veranstaltungsort", "ort", "lieu", "salle", "lugar", "recinto", "where", "wo", "où",
            "dónde", "spielstätte", "spielort", "austragungsort", "veranstaltungsstätte", "event venue",
            "event location", "lieu du spectacle", "lieu de l'événement", "lugar del evento", "luogo", "locatie"),
    RESTAURANT("restaurant", "restaurante"),
    /** A stop in a timetable table ("Halt | Datum | Zeit"): the first is where the journey starts, the last its end. */
    STATION("halt", "bahnhof", "station", "stop", "haltestelle", "gare", "estación", "estacion"),
    PASSENGER("passenger", "passengers", "passenger name", "traveller", "traveler", "guest", "guests",
            "guest name", "name",
            "passagier", "reisender", "reisende", "fahrgast", "gast", "passager", "voyageur", "client", "pasajero",
            "viajero", "huésped", "titular", "prepared for", "travellers", "travelers", "reisende(r)"),
    DATE("date", "datum", "fecha", "day", "tag", "jour", "día", "dates", "fechas", "reisedaten", "dates du séjour",
            "travel dates", "stay dates", "reisezeitraum", "période", "periodo", "when", "wann", "quand", "cuándo",
            "cuando", "date and time", "date & time", "date/time", "datum und uhrzeit", "datum & uhrzeit",
            "datum/uhrzeit", "date et heure", "date & heure", "fecha y hora", "día y hora",
            "visit date", "date of visit", "besuchsdatum", "besuchstag", "date de visite", "fecha de visita", "zeitraum",
            "data", "data e ora"),
    TIME("time", "uhrzeit", "zeit", "heure", "hora", "beginn", "start", "début", "inicio", "doors", "time slot",
            "timeslot", "entry time", "zeitfenster", "einlasszeit", "créneau", "créneau horaire", "heure d'entrée",
            "horario", "hora de entrada", "franja horaria", "ora", "orario", "aanvang", "tijd");

    private final List<String> names;
    /** The names for the bare-label tests, which ask each of ~20 labels about every line. */
    private final java.util.Set<String> nameSet;
    private final List<String> foldedNames;

    Labels(String... names) {
        this.names = List.of(names);
        this.nameSet = java.util.Set.copyOf(this.names);
        // a name that contains another ("pick-up branch", "pick-up") is in a line only when that one is: the test for
        // the shorter one is enough
        List<String> folded = this.names.stream().map(Labels::fold).distinct().toList();
        this.foldedNames = folded.stream()
                .filter(name -> folded.stream().noneMatch(other -> !other.equals(name) && name.contains(other)))
                .toList();
    }

    /** "Label: value" (or a tab between them, as table rows are rendered) at the start of a line. */
    private Pattern inline() {
        return Pattern.compile("(?iu)(?:^|[.!?]\\s+|\\t"
                // "(Bestellnummer 448120)": a reference in brackets in a sentence
                + (this == REFERENCE || this == ORDER_REFERENCE ? "|\\(" : "") + ")\\s*(?:(?:your|our|the|airline|votre|ihre?|deine?|tu|su)\\s+)?"
                // whose reference: an agency's or reservation system's ("Agency booking ref", "Galileo record locator")
                + (this == REFERENCE ? "(?:(?:agency|amadeus|galileo|sabre|travelport|worldspan|gds|flight|trip|agent"
                        + "|agence|agencia|reisebüro)\\s+)?"
                        // a German compound naming whose number it is: "Airline-Buchungscode", "Opodo-Buchungsnummer"
                        + "(?:[\\p{L}\\d]{2,20}-)?" : "")
                + "(?:" + alternatives()
                + ")\\.?(?:[ \\u00a0]+(?:date|datum|time|zeit|day|fecha|hora|heure|jour|día|and time|und uhrzeit|date & time|date and time|date/time|datum/uhrzeit))?"
                // a reference's label may go on for a few words before its colon or its cell's end: "Référence de
                // votre réservation :", "Localizador de la aerolínea | TQ7ZK2"
                + (this == REFERENCE || this == ORDER_REFERENCE ? "(?:(?:[ \\u00a0]+[\\p{L}'’]{1,12}){1,3}(?=\\s*:|\\t))?" : "")
                + "\\s*(?:\\([^)]{0,20}\\))?\\s*(?::|：|\\t|-\\s|=|\\s(?:is|est|ist|es|lautet)\\b:?"
                + "|\\s(?=(?-i:[A-Z0-9][A-Z0-9-]{4,})(?![\\p{L}\\d])))\\s*(\\S.*)$");
    }

    String alternatives() {
        return names.stream().sorted((a, b) -> b.length() - a.length()).map(Pattern::quote)
                .collect(Collectors.joining("|"));
    }

    private static final Map<Labels, Pattern> INLINE = java.util.Arrays.stream(values())
            .collect(Collectors.toMap(label -> label, Labels::inline));

    /** Whether one of this label's names occurs in the line (case folded), the cheap test before its patterns. */
    boolean isNamedIn(String line) {
        return LineForms.of(line).names(this);
    }

    /** Whether a line is just this label (with an optional colon): its value is on the next line. */
    boolean isBare(String line) {
        return nameSet.contains(bare(line));
    }

    /**
     * What every label's test needs of a line, worked out once for all labels: the connector asks each of ~20
     * labels about the same lines, and folding, stripping and splitting them again for each was a tenth of its time.
     */
    private record LineForms(String line, boolean headerRow, String bare, long named) {

        /** Whether one of the label's names occurs in the line (folded), as its inline pattern needs. */
        boolean names(Labels label) {
            return (named & 1L << label.ordinal()) != 0;
        }

        /**
         * Lines this thread read recently, by identity: a string never changes, so an entry for the same object is
         * still right. Per thread and emptied after each mail ({@link #forgetLines}), so that no line of one mail
         * stays in memory once the connector is done with it.
         */
        private static final ThreadLocal<LineForms[]> RECENT = ThreadLocal.withInitial(() -> new LineForms[1024]);

        static LineForms of(String line) {
            LineForms[] recent = RECENT.get();
            int slot = System.identityHashCode(line) & (recent.length - 1);
            LineForms forms = recent[slot];
            if (forms == null || forms.line() != line) {
                // a line too long to be a bare label (most of a newsletter's) is not lower-cased for nothing
                String bare = mayBeBare(line) ? Labels.bare(line) : "";
                forms = new LineForms(line, isHeaderRow(line), bare, NAMES.groupsIn(line));
                recent[slot] = forms;
            }
            return forms;
        }
    }

    /** Drops what this thread keeps of the lines it read: called when the connector is done with a mail. */
    static void forgetLines() {
        java.util.Arrays.fill(LineForms.RECENT.get(), null);
    }

    /** How many lines this thread keeps now (for tests). */
    static long linesKept() {
        return java.util.Arrays.stream(LineForms.RECENT.get()).filter(java.util.Objects::nonNull).count();
    }

    /**
     * Whether the line may be a bare label: {@link #bare} keeps every char of it that is not whitespace (lower-cased,
     * one char or more each) but a colon and an owner word, so a line with more of them than the longest name and
     * those has none of the names.
     */
    static boolean mayBeBare(String line) {
        int most = LONGEST_NAME + 1 + LONGEST_OWNER_WORD;
        int kept = 0;
        for (int i = 0; i < line.length(); i++) {
            if (!Character.isWhitespace(line.charAt(i)) && ++kept > most) {
                return false;
            }
        }
        return true;
    }

    /** A line as a bare label would read: without a trailing colon, stripped, in lower case. */
    private static String bare(String line) {
        String bare = line.strip();
        // Stripped, it ends in no whitespace: a trailing colon is its last character.
        if (bare.endsWith(":") || bare.endsWith("：")) {
            bare = bare.substring(0, bare.length() - 1).strip();
        }
        bare = bare.toLowerCase(Locale.ROOT);
        int space = bare.indexOf(' ');
        // ("Airline Ref" is a name of its own: whose reference it is, not an owner word before one)
        if (space > 0 && OWNER_WORDS.contains(bare.substring(0, space)) && !ALL_NAMES.contains(bare)) {
            bare = bare.substring(space + 1).strip(); // "Your booking reference" is the label "booking reference"
        }
        return bare;
    }

    /** Words a label may start with that are not part of it. */
    private static final java.util.Set<String> OWNER_WORDS = java.util.Set.of("your", "our", "the", "airline",
            "votre", "ihr", "ihre", "dein", "deine", "tu", "su");

    private static boolean isHeaderRow(String line) {
        int tab = line.indexOf('\t');
        if (tab < 0) {
            return false;
        }
        // a header may name one column no label knows ("Date | Departure | Arrival | Line"), a data row never has
        // three label cells
        String[] cells = line.split("\t");
        int others = 0;
        for (String cell : cells) {
            if (!isAnyBare(cell) && (++others > 1 || cells.length < 3 || !COLUMN_NAME.matcher(cell).matches())) {
                return false;
            }
        }
        return true;
    }

    private static final Pattern COLUMN_NAME = Pattern.compile("\\s*\\p{L}{2,12}\\s*");

    /** Whether a table cell is nothing but a label (of any field): a header cell. */
    static boolean isAnyBare(String cell) {
        return cell.length() <= 40 && ALL_NAMES.contains(bare(cell));
    }

    /** Every name of every label, for the header-cell test that runs on each cell of each table row. */
    private static final java.util.Set<String> ALL_NAMES = java.util.Arrays.stream(values())
            .flatMap(label -> label.names.stream()).collect(Collectors.toUnmodifiableSet());

    private static final int LONGEST_NAME = ALL_NAMES.stream().mapToInt(String::length).max().orElse(0);
    private static final int LONGEST_OWNER_WORD = OWNER_WORDS.stream().mapToInt(String::length).max().orElse(0);

    /** The value of this label in the line, or of the next line when the line is the bare label. */
    Optional<String> value(List<String> lines, int index) {
        LineForms line = LineForms.of(lines.get(index));
        if (line.headerRow()) {
            return Optional.empty(); // "Halt<TAB>Datum<TAB>Zeit": column names, their values are in the rows below
        }
        Optional<String> wrapped = WrappedLabels.valueAfter(this, lines, index);
        if (wrapped.isPresent()) {
            return wrapped; // the label ends its line as a cell of its own: its value was wrapped onto the next
        }
        if (line.names(this)) {
            Matcher m = INLINE.get(this).matcher(line.line());
            if (m.find()) {
                return Optional.of(m.group(1).strip());
            }
        }
        if ((nameSet.contains(line.bare()) || namesOneOf(line.bare())) && index + 1 < lines.size()
                && !lines.get(index + 1).isBlank()) {
            return Optional.of(lines.get(index + 1).strip());
        }
        return Optional.empty();
    }

    /** A label printed in two languages, "Kód transakce / Transaction code": one of them is this label's name. */
    private boolean namesOneOf(String bare) {
        if (bare.indexOf(" / ") < 0) {
            return false;
        }
        for (String part : bare.split(" / ")) {
            if (nameSet.contains(part.strip())) {
                return true;
            }
        }
        return false;
    }

    /** Every value of this label in the lines, with the index of the line it was read from. */
    List<Map.Entry<Integer, String>> values(List<String> lines) {
        List<Map.Entry<Integer, String>> found = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int line = i;
            value(lines, i).ifPresent(v -> found.add(Map.entry(line, v)));
        }
        return found;
    }

    /**
     * Which labels' names occur in a line, folded, as bits of their ordinals: a cheap test before a label's inline
     * pattern, which tries every name at every position of every line (most lines of a newsletter name none). One
     * pass over the line for all labels, not a search per name and label.
     */
    private static final NamesAutomaton NAMES = namesAutomaton(values());

    private static NamesAutomaton namesAutomaton(Labels[] all) {
        Map<String, Long> labelsByName = new java.util.LinkedHashMap<>();
        for (Labels label : all) {
            // a label is named in a line when one of its shortest names is, as the inline pattern's test was
            for (String name : label.foldedNames) {
                labelsByName.merge(name, 1L << label.ordinal(), (a, b) -> a | b);
            }
        }
        return NamesAutomaton.of(labelsByName, c -> fold((char) c));
    }

    /** Case folded char by char as a case-insensitive Unicode pattern compares ({@code Pattern.SingleU}). */
    static String fold(String text) {
        char[] folded = Folds.FOLDED;
        char[] chars = new char[text.length()];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = folded[text.charAt(i)];
        }
        return new String(chars);
    }

    /** One char folded as {@link #fold(String)} folds it. */
    static char fold(char c) {
        return Folds.FOLDED[c];
    }

    /**
     * Every char's fold, worked out once: folding each char of each line and text with the Character methods was a
     * tenth of the time. A class of its own, as the label constants fold their names before Labels' statics exist.
     */
    private static final class Folds {

        static final char[] FOLDED = new char[Character.MAX_VALUE + 1];

        static {
            for (int c = 0; c <= Character.MAX_VALUE; c++) {
                FOLDED[c] = Character.toLowerCase(Character.toUpperCase((char) c));
            }
        }
    }

    /** A booking's code in a subject: "Schedule change - booking code 7HNQ3D", "Confirmation K7PQ2X". */
    private static final Pattern SUBJECT_REFERENCE = Pattern.compile(
            "(?iu)\\b(?:booking|reservation|confirmation|pnr|buchung|buchungscode|buchungsnummer|réservation|"
                    + "dossier|reserva|localizador)(?:\\s+(?:code|ref\\.?|reference|number|no\\.?|nr\\.?|n°|#))?"
                    + "\\s*[:#]?\\s*(?-i:([A-Z0-9]{5,8}))(?![\\p{L}\\d])");

    /** The booking reference a subject names after a booking word: a code with a digit and a capital letter. */
    static Optional<String> referenceInSubject(String subject) {
        Matcher m = SUBJECT_REFERENCE.matcher(subject);
        while (m.find()) {
            String code = m.group(1);
            if (code.chars().anyMatch(Character::isDigit) && code.chars().anyMatch(Character::isLetter)) {
                return Optional.of(code);
            }
        }
        return ReferenceLayouts.inSubject(subject);
    }

    /** A reference label ending its line before the colon: "Ihr Buchungscode lautet:", "Your booking code is:". */
    /** A booking number in digits alone, long enough not to be a count: "3318840276". */
    private static final Pattern PLAIN_DIGITS = Pattern.compile("\\d{7,}");
    private static final Pattern REFERENCE_BEFORE_COLON = Pattern.compile("(?iu)(?<![\\p{L}])(?:"
            + REFERENCE.alternatives() + ")(?:\\s+(?:is|est|ist|es|lautet))?\\s*:$");

    /** A code printed in groups of digits and nothing else: "1739 2284 5561". */
    private static final Pattern ALL_DIGIT_GROUPS = Pattern.compile("\\s*\\d{3,6}(?: \\d{3,6}){1,4}\\s*");
    private static final Pattern CODE = Pattern.compile(
            "(?<![\\p{L}\\d])([A-Z0-9](?:[A-Z0-9-]|[./](?=[A-Z0-9])){3,15}[A-Z0-9])(?![\\p{L}\\d])");

    private static final Pattern DIGIT_GROUPS = Pattern.compile("(\\d{2,4}(?: \\d{2,4}){1,4})(?![\\p{L}\\d])");
    static final Pattern NUMBERED = Pattern.compile(
            "(?iu)(?<![\\p{L}])(?:commande|réservation|reservation|booking|order|dossier|bestellung|buchung|reserva|"
                    + "pedido|confirmation|itinerary)\\s*(?:n[°º]\\.?|no\\.|nr\\.|#)\\s*:?\\s*"
                    + "((?-i:[A-Z0-9](?:[A-Z0-9-]|[./](?=[A-Z0-9])){3,19}))(?![\\p{L}\\d])");

    /** What every match of {@code NUMBERED} contains, folded: each of its words or one it begins with. */
    static final List<String> NUMBERED_STEMS = List.of("commande", "réservation", "reserva", "booking",
            "order", "dossier", "bestellung", "buchung", "pedido", "confirmation", "itinerary");

    /** Whether the line has a word {@code NUMBERED} needs: "info." or "Mr." alone is not worth the pattern. */
    private static boolean mayBeNumbered(String line) {
        String folded = fold(line);
        for (String stem : NUMBERED_STEMS) {
            if (folded.contains(stem)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The booking reference the mail prints under a reference label: a code of 5 to 17 letters and digits with at
     * least one digit or all in capitals; the first one wins.
     */
    static Optional<String> reference(List<String> lines) {
        return reference(lines, "");
    }

    /** {@link #reference(List, String, BooleanSupplier)}, a ticket's number taken as the last resort. */
    static Optional<String> reference(List<String> lines, String subject) {
        return reference(lines, subject, () -> true);
    }

    /**
     * The booking reference the lines print, else the one the subject names ({@link #referenceInSubject}), else,
     * when {@code ticketTaken} says so, a number of an airline ticket's shape under a ticket label: a rail or event
     * ticket's only code. On a flight it names one passenger's coupon, not the booking (a flight mail that prints
     * nothing else is read by {@link UnreferencedItineraries}). A booking site's 13-digit itinerary or booking number
     * under its own label ("Itinerary # 7301234567890") is a reference like any other.
     */
    static Optional<String> reference(List<String> lines, String subject, BooleanSupplier ticketTaken) {
        String[] ticket = new String[1];
        Optional<String> found = labelled(lines, ticket);
        if (found.isEmpty() && !subject.isEmpty()) {
            found = referenceInSubject(subject);
        }
        return found.isPresent() || ticket[0] == null || !ticketTaken.getAsBoolean() ? found : Optional.of(ticket[0]);
    }

    /**
     * An airline's ticket number: the carrier's three digits and ten more, maybe a check digit or a coupon,
     * "220-1234567890", "2201234567890", "125 2419876543".
     */
    private static final Pattern AIRLINE_TICKET = Pattern.compile("\\d{3}[- ]?\\d{10}(?:[- /]\\d{1,3})?");

    /**
     * The reference the lines print under a label, in a sentence or a layout; a ticket's number of an airline's shape
     * is only kept in {@code ticket}, for the last resort.
     */
    private static Optional<String> labelled(List<String> lines, String[] ticket) {
        // a booking reference or PNR first, a ticket seller's or booking site's order number else
        for (Labels label : List.of(REFERENCE, ORDER_REFERENCE)) {
            for (Map.Entry<Integer, String> each : label.values(lines)) {
                if (label == ORDER_REFERENCE && AIRLINE_TICKET.matcher(each.getValue().strip()).matches()) {
                    if (ticket[0] == null) {
                        ticket[0] = each.getValue().strip(); // "Ticket number: 125 2419876543"
                    }
                    continue;
                }
                if (ALL_DIGIT_GROUPS.matcher(each.getValue()).matches()) {
                    return Optional.of(each.getValue().strip()); // "1739 2284 5561": one code printed in groups
                }
                Matcher m = CODE.matcher(each.getValue());
                while (m.find()) {
                    String code = m.group(1);
                    if (each.getValue().startsWith(":", m.end())) {
                        continue; // "AMADEUS: 6FQ2PL, AIRLINE: LH/8TKL2M": a system's name labels its code
                    }
                    if (code.length() > 3 && code.charAt(2) == '/') {
                        code = code.substring(3); // "LH/7KQW2D": the airline's designator, then its code
                    }
                    if (label == ORDER_REFERENCE && AIRLINE_TICKET.matcher(code).matches()) {
                        if (ticket[0] == null) {
                            ticket[0] = code;
                        }
                        continue;
                    }
                    if (ReferenceLayouts.isDate(code)) {
                        break; // "12MAR27": a GDS date is the label's value, not its code
                    }
                    // an order's or ticket's number has digits: "ELECTRONIC TICKET ITINERARY RECEIPT" is a title;
                    // "Your booking reference is PENDING" names none yet
                    if (code.chars().anyMatch(Character::isDigit)
                            || code.length() <= 8 && label == REFERENCE && !ReferenceLayouts.NOT_CODES.contains(code)) {
                        return Optional.of(code);
                    }
                }
                // "Confirmation #: 203 948 117": a number printed in groups, as phone-friendly codes are
                Matcher grouped = DIGIT_GROUPS.matcher(each.getValue().strip());
                if (grouped.lookingAt()) {
                    return Optional.of(grouped.group(1));
                }
            }
        }
        for (String line : lines) {
            // "Merci pour votre commande n° BRG-5521907", "Order #1873402291": the number sign makes it a label anywhere
            if (line.length() <= 300 && (line.indexOf('#') >= 0 || line.indexOf('°') >= 0 || line.indexOf('º') >= 0
                    || line.contains("o.") || line.contains("r.")) && mayBeNumbered(line)) {
                Matcher m = NUMBERED.matcher(line);
                if (m.find() && m.group(1).chars().anyMatch(Character::isDigit)) {
                    return Optional.of(m.group(1));
                }
            }
        }
        // "Ihr Buchungscode lautet:" closing a sentence, the code alone on the next line
        for (int i = 0; i + 1 < lines.size(); i++) {
            String line = lines.get(i);
            if (line.endsWith(":") && line.length() <= 200 && REFERENCE_BEFORE_COLON.matcher(line).find()) {
                Matcher m = CODE.matcher(lines.get(i + 1).strip());
                if (m.matches() && m.group(1).chars().anyMatch(Character::isDigit)) {
                    return Optional.of(m.group(1));
                }
            }
        }
        for (Map.Entry<Integer, String> each : REFERENCE_WORD.values(lines)) {
            // the value is the code alone: "Booking: confirmed" or a sentence is no reference
            Matcher m = CODE.matcher(each.getValue().strip());
            // hotels number their bookings in digits only: "Confirmation: 3318840276", not "Booking: 2"; digits with
            // separators are a date or a phone number ("Buchung: 12.03.2027", "Reservation: 0800-123-4567")
            if (m.matches() && m.group(1).chars().anyMatch(Character::isDigit) && !ReferenceLayouts.isDate(m.group(1))
                    && (m.group(1).chars().anyMatch(Character::isLetter) || PLAIN_DIGITS.matcher(m.group(1)).matches())) {
                return Optional.of(m.group(1));
            }
        }
        return ReferenceLayouts.in(lines).or(() -> ReferenceLayouts.inSentences(lines))
                .or(() -> locatorUnderWord(lines));
    }

    /**
     * An order's label as shop and booking engines print it before their order's reference ("Order: QWXZRTPLA Placed
     * on 10/02/2026", "Commande : KXRTWQPLM", "Bestellung\tZKWQRTPLA", "Pedido: HBKTMSWEF"): the word alone, or
     * with "reference", then a colon or a cell's end.
     */
    private static final Pattern ORDER_LABEL = Pattern.compile("(?iu)^\\s*(?:(?:your|votre|ihre|su)\\s+)?"
            + "(?:order|order reference|order ref\\.?|commande|référence de commande|réf\\. commande|bestellung|"
            + "bestellreferenz|pedido|referencia del pedido|referencia de pedido)\\s*(?::|：|\\t|$)\\s*");
    /** A shop's order reference in capitals alone: PrestaShop's nine, or six to twelve. */
    private static final Pattern CAPITALS_CODE = Pattern.compile("([A-Z]{6,12})(?![\\p{L}\\d])");
    /** Order states shops print in capitals where a reference may stand: no reference. */
    private static final java.util.Set<String> ORDER_STATES = java.util.Set.of("SHIPPED", "DELIVERED", "PROCESSING",
            "PLACED", "RECEIVED", "COMPLETED", "RETURNED", "AWAITING", "PREPARING", "VERSANDT", "GELIEFERT",
            "ABGESCHLOSSEN", "EXPEDIE", "EXPEDIEE", "LIVRE", "LIVREE", "TERMINE", "ENVIADO", "ENTREGADO",
            "COMPLETADO", "PROCESADO",
            // column names a header in capitals prints after "ORDER" ("ORDER\tGUESTS\tCHECK-IN")
            "GUESTS", "PRODUCT", "PRODUCTS", "BILLING", "SHIPPING", "DELIVERY", "CUSTOMER", "ACCOUNT", "HISTORY",
            "QUANTITY", "REFERENCE", "DETAILS", "SUMMARY", "NUMBER", "STATUS", "AMOUNT", "ARRIVAL", "DEPARTURE",
            "CHECKIN", "CHECKOUT", "NIGHTS", "ROOMS", "OCCUPANCY", "PRICE", "TOTAL");

    /**
     * A shop's or booking engine's order reference in capitals without a digit under an explicit order label, as
     * PrestaShop and the booking engines built on it print it ("Order: QWXZRTPLA"), which {@link #reference} does
     * not take (an order's number wants a digit there): asked only of a mail that reads as a booking otherwise. Not
     * a state ("Order: SHIPPED"), a word of the stop list, a city, nor a word the mail prints in small letters.
     */
    static Optional<String> orderCode(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher label = ORDER_LABEL.matcher(line);
            if (line.length() > 200 || !label.lookingAt()) {
                continue;
            }
            String value = label.end() < line.length() ? line.substring(label.end())
                    : i + 1 < lines.size() ? lines.get(i + 1).strip() : "";
            Matcher code = CAPITALS_CODE.matcher(value);
            if (code.lookingAt() && !isNotCode(code.group(1)) && !Airports.isCity(code.group(1))
                    && !ReferenceLayouts.isWordOf(code.group(1), lines)) {
                return Optional.of(code.group(1));
            }
        }
        return Optional.empty();
    }

    private static boolean isNotCode(String code) {
        return ReferenceLayouts.NOT_CODES.contains(code) || ORDER_STATES.contains(code);
    }

    /**
     * A reservation system's locator of six capitals under a bare booking word, when nothing else names the code:
     * "Confirmation: QWERTZ", "Booking\nQWERTZ", "Buchung: QWERTZ". Not a status ("Booking: CONFIRMED", "Reserva:
     * ANULADA"), a city or a word the mail prints elsewhere in small letters or as a name ("Reservation: BERGER").
     */
    private static Optional<String> locatorUnderWord(List<String> lines) {
        for (Map.Entry<Integer, String> each : REFERENCE_WORD.values(lines)) {
            String value = each.getValue().strip();
            if (value.length() == 6 && ReferenceLayouts.isLocator(value) && !ReferenceLayouts.isWordOf(value, lines)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
