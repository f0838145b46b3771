package io.mailsift.travel;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mailsift.travel.DateTimes.Found;

/**
 * The stops of a rail or coach journey as itineraries print them, one stop per line or table row with its time, paired
 * into legs: a departure and the arrival after it. Multi-leg journeys (a change of trains, outbound and return) are
 * read leg by leg this way, whether or not each leg prints a train number. Forms of a stop:
 * <ul>
 * <li>a timetable row, the station first and its time in a later cell ("Berlin Hbf | 20.05. | ab 06:29 | 14"), or
 * such a row paired with its header ("Halt: Köln Hbf", "Zeit: ab 07:43");</li>
 * <li>the time, then the station ("07h04 Paris Montparnasse", "Depart 09:00 London Victoria", "Départ 06h19 -
 * Marne-la-Vallée Chessy"), or the time alone with the station on the next line (a table row of cells);</li>
 * <li>a departure or arrival word, the station, then the time ("Departs London St Pancras 08:16"), or the station,
 * the word and the time ("Hamburg Hbf ab 08:01 Gleis 13", "Paris Gare de Lyon : départ 08h18"), or the station
 * with its time on the next line (a table row of cells);</li>
 * <li>a whole leg on one line ("Zürich HB ab 09:02 → Bern an 09:58", "08:24 Hamburg Hbf → 09:41 Hannover Hbf") or
 * in one sentence ("Départ … à 07h56 de Paris Gare de Lyon, arrivée à 09h57 à Lyon Part-Dieu").</li>
 * </ul>
 * "ab"/"an" and departure/arrival words mark which end of a leg a stop is; unmarked stops pair in order. Which reading
 * of a mail wins, this one or the one split by train numbers, is {@link TextReservations}' choice.
 */
final class JourneyStops {

    /** Which end of a leg a stop's words say it is. */
    enum End {
        DEPARTURE, ARRIVAL, UNKNOWN
    }

    record Stop(int line, String place, LocalTime time, End end) {
    }

    record Leg(Stop from, Stop to) {
    }

    private static final String DEPARTURE_WORDS = "departs|departure|departing|depart|dep|leaving|leaves|abfahrt|ab|départ"
            + "|salida|sale|partenza|parte";
    private static final String ARRIVAL_WORDS = "arrives|arrival|arriving|arrive|arr|ankunft|an|arrivée|arrivee"
            + "|llegada|llega|arrivo";
    private static final Pattern DEPARTURE_WORD = Pattern.compile("(?iu)^(?:" + DEPARTURE_WORDS + ")$");
    private static final String TIME = "(\\d{1,2}[:h.]\\d{2}(?:\\s*[ap]\\.?m\\.?(?![\\p{L}]))?)";
    /** "07h04 Paris Montparnasse", "Depart 09:00 London Victoria", "Départ 06h19 - Marne-la-Vallée Chessy". */
    private static final Pattern TIME_THEN_PLACE = Pattern.compile(
            "(?iu)^(?:(" + DEPARTURE_WORDS + "|" + ARRIVAL_WORDS + ")\\.?\\s*:?\\s*)?" + TIME
                    + "\\s*(?:uhr)?\\s*(?:[-–—:|]\\s*)?(?:(?:ab|an)\\s+)?([\\p{Lu}][\\p{L}\\d .,()'’/&-]{1,60})$");
    /** "Departs London St Pancras International 08:16", "Depart: London Kings Cross at 10:00". */
    private static final Pattern WORD_PLACE_TIME = Pattern.compile(
            "(?iu)^(" + DEPARTURE_WORDS + "|" + ARRIVAL_WORDS + ")\\.?\\s*:?\\s+([\\p{Lu}][\\p{L}\\d .,()'’/-]{1,60}?)"
                    // "Leaving Glasgow, Buchanan Bus Station on Friday 19 February 2027 at 08:00": its day between
                    + "(?:\\s+(?:on|le|am|el)\\s+[\\p{L}\\d ,.]{3,30}?)?"
                    + "\\s*(?:[-–—,]\\s*)?(?:at|um|à|a las|alle)?\\s*" + TIME + "(?:\\s*\\([^)]{0,30}\\))?\\.?$");
    /** A whole leg on one line: "Zürich HB ab 09:02 → Bern an 09:58, IC 8", "Paris-Nord 10:25 – Amsterdam 13:45". */
    private static final Pattern ONE_LINE_LEG = Pattern.compile(
            "(?iu)^([\\p{Lu}][\\p{L}\\d .,()'’/-]{1,50}?)\\s+(?:ab\\s+|dep\\.?\\s+)?" + TIME
                    + "\\s*(?:→|->|➔|–|—|>|\\s-)\\s*([\\p{Lu}][\\p{L}\\d .,()'’/-]{1,50}?)\\s+(?:an\\s+|arr\\.?\\s+)?"
                    + TIME + "(?:\\s*[,;(|].*)?$");
    /** A whole leg on one line, times first: "08:24 Hamburg Hbf → 09:41 Hannover Hbf (ICE 597)". */
    private static final Pattern TIMES_FIRST_LEG = Pattern.compile(
            "(?iu)^(?:ab\\s+|dep\\.?\\s+)?" + TIME + "\\s+([\\p{Lu}][\\p{L}\\d .,()'’/-]{1,50}?)\\s*(?:→|->|➔|–|—|>|\\s-)\\s*"
                    + "(?:an\\s+|arr\\.?\\s+)?" + TIME + "\\s+([\\p{Lu}][\\p{L}\\d .,'’/-]{1,50}?)(?:\\s*[,;(|].*)?$");
    /** A leg told in a sentence: "Départ le 19/03/2027 à 07h56 de Paris Gare de Lyon, arrivée à 09h57 à Lyon". */
    private static final Pattern SENTENCE_LEG = Pattern.compile(
            "(?iu)\\b(?:départ|departs|departure|depart|abfahrt|salida|sale)\\b[^\\n]{0,40}?" + TIME
                    + "\\s*(?:uhr\\s+)?(?:de|du|from|von|ab|desde)\\s+([\\p{Lu}][\\p{L}\\d'’ ()-]{1,50}?)\\s*[,;.]?\\s*"
                    + "(?:et\\s+|and\\s+|und\\s+|y\\s+)?(?:arrivée|arrives|arriving|arrival|arrive|ankunft|llegada|llega)\\b"
                    + "[^\\n]{0,40}?" + TIME + "\\s*(?:uhr\\s+)?(?:à|a|to|in|at|en|nach)\\s+([\\p{Lu}][\\p{L}\\d'’ ()-]{1,50}?)"
                    + "\\s*(?:[,;.]|$)");
    /** "Hamburg Hbf ab 08:01 Gleis 13, ICE 71": the station, "ab" or "an", the time, then the platform or train. */
    private static final Pattern PLACE_MARK_TIME = Pattern.compile(
            "(?iu)^([\\p{Lu}][\\p{L}\\d .,()'’/-]{1,50}?)\\s*[:,]?\\s+(ab|an|dep\\.?|arr\\.?|départ|arrivée|departure|"
                    + "arrival|departs|arrives|abfahrt|ankunft|salida|llegada)\\s*:?\\s+" + TIME
                    + "(?:\\s*uhr)?(?:[\\s,;|].*)?$");
    /** Where a line's arrival begins after its departure: after a gap, a tab, a dash or a bar, its word and time. */
    private static final Pattern SECOND_STOP = Pattern.compile(
            "(?iu)(?:\\s{2,}|\\t|\\s[-–—|]\\s|,\\s)\\s*(?=(?:arrives|arrival|arrive|arr\\.?|ankunft|arrivée|arrivee|llegada|"
                    + "arrivo)\\s*:?\\s*\\d{1,2}[:h.]\\d{2})");
    /** A table cell that is a day alone: "So 11.8.12", "Fri 31/07/15", "09.08.", "09/08". */
    private static final Pattern DATE_CELL = Pattern.compile(
            "(?u)\\s*(?:\\p{L}{2,4}\\.?,?\\s+)?\\d{1,2}[./]\\d{1,2}(?:[./](?:\\d{2}|\\d{4})?)?\\s*");
    private static final Pattern TIME_ALONE = Pattern.compile("(?iu)^" + TIME + "$");
    private static final Pattern MARKED_TIME = Pattern.compile("(?iu)(?<![\\p{L}])(ab|an|dep\\.?|arr\\.?)\\s*"
            + "\\d{1,2}[:h.]\\d{2}");

    private JourneyStops() {
    }

    /**
     * The legs the lines print as stops, in order; none when the stops do not pair (a lone stop, or a timetable of
     * one train's stops without words saying which is where the passenger boards).
     */
    static List<Leg> legs(List<String> lines, UnaryOperator<String> station) {
        List<Stop> stops = stops(lines, station);
        List<Leg> legs = new ArrayList<>();
        boolean marked = stops.stream().anyMatch(s -> s.end() != End.UNKNOWN);
        int i = 0;
        while (i + 1 < stops.size()) {
            Stop from = stops.get(i);
            Stop to = stops.get(i + 1);
            if (marked && (from.end() == End.ARRIVAL || to.end() == End.DEPARTURE)) {
                i++; // a departure pairs with the arrival after it; an unpaired stop is skipped
                continue;
            }
            if (!from.place().equalsIgnoreCase(to.place())) {
                legs.add(new Leg(from, to));
            }
            i += 2;
        }
        // an overview of the whole journey ("Köln Hbf 07:43 → München Hbf 12:19") above its legs is no leg of its own
        return legs.stream().filter(leg -> legs.stream().noneMatch(first -> first != leg && same(first.from(), leg.from())
                && legs.stream().anyMatch(last -> last != leg && last != first && same(last.to(), leg.to()))))
                .toList();
    }

    private static boolean same(Stop a, Stop b) {
        return a.place().equalsIgnoreCase(b.place()) && a.time().equals(b.time());
    }

    private static List<Stop> stops(List<String> lines, UnaryOperator<String> station) {
        List<Stop> stops = new ArrayList<>();
        java.util.Map<Integer, LocalTime> transfers = new java.util.HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.length() > 160) {
                continue;
            }
            int at = i;
            if (!hasClock(line)) {
                Optional<List<Stop>> above = placesAboveTimes(lines, at, station);
                if (above.isPresent()) {
                    stops.addAll(above.get());
                    continue;
                }
                Optional<Stop> aboveWord = placeAboveWordTime(lines, at, station);
                if (aboveWord.isPresent()) {
                    stops.add(aboveWord.get());
                    i++; // its time's line is read
                    continue;
                }
                // only a header-paired row's station line has its time elsewhere
                labelledRow(lines, at, station).ifPresent(s -> stops.add(new Stop(at, s.place(), s.time(), s.end())));
                continue;
            }
            Optional<List<Stop>> rowLeg = rowLeg(line, at, station);
            if (rowLeg.isPresent()) {
                stops.addAll(rowLeg.get());
                continue;
            }
            Matcher leg = ONE_LINE_LEG.matcher(line.replace('\t', ' ').strip());
            // the groups in the order place, time, place, time; a sentence has them time first
            int[] groups = {1, 2, 3, 4};
            if (!leg.matches()) {
                leg = TIMES_FIRST_LEG.matcher(line.replace('\t', ' ').strip());
                groups = new int[] {2, 1, 4, 3};
                if (!leg.matches()) {
                    leg = SENTENCE_LEG.matcher(line);
                    if (!leg.find()) {
                        leg = null;
                    }
                }
            }
            if (leg != null) {
                Optional<Stop> from = stop(station.apply(leg.group(groups[0])), leg.group(groups[1]), "dep");
                Optional<Stop> to = stop(station.apply(leg.group(groups[2])), leg.group(groups[3]), "arr");
                if (from.isPresent() && to.isPresent()) {
                    stops.add(new Stop(at, from.get().place(), from.get().time(), End.DEPARTURE));
                    stops.add(new Stop(at, to.get().place(), to.get().time(), End.ARRIVAL));
                    continue;
                }
            }
            // "Depart: 10:00 London Paddington   Arrive: 11:25 Bristol Temple Meads", "Salida 08:35 Madrid - Llegada
            // 09:41 Valladolid": both ends on one line, each with its own word
            Matcher second = SECOND_STOP.matcher(line);
            if (second.find() && second.start() > 0) {
                String first = line.substring(0, second.start()).strip();
                String other = line.substring(second.end()).strip();
                Optional<Stop> departure = timeThenPlace(first, station).or(() -> wordPlaceTime(first, station));
                Optional<Stop> arrival = timeThenPlace(other, station).or(() -> wordPlaceTime(other, station));
                if (departure.isPresent() && arrival.isPresent() && departure.get().end() == End.DEPARTURE) {
                    stops.add(new Stop(at, departure.get().place(), departure.get().time(), End.DEPARTURE));
                    stops.add(new Stop(at, arrival.get().place(), arrival.get().time(), End.ARRIVAL));
                    continue;
                }
            }
            Optional<Stop> stop = labelledRow(lines, at, station)
                    .or(() -> row(line, station))
                    .or(() -> placeDayTime(line, station))
                    .or(() -> timeThenPlace(line, station))
                    .or(() -> wordPlaceTime(line, station))
                    .or(() -> placeMarkTime(line, station))
                    .or(() -> timeAbovePlace(lines, at, station));
            if (stop.isEmpty() && at > 0 && TIME_ALONE.matcher(line.strip()).matches()
                    && !TIME_ALONE.matcher(lines.get(at - 1).strip()).matches()) {
                // a row of cells rendered one per line, the station first: "Madrid Puerta de Atocha", "07:05"
                String place = station.apply(lines.get(at - 1));
                Optional<Stop> above = place.equals(lines.get(at - 1).strip()) && !hasClock(lines.get(at - 1))
                        ? stop(place, line.strip(), null) : Optional.empty();
                // "8.15" or "12.50" alone on a line may be a price, not a time DateTimes reads: no stop then
                if (above.isPresent()) {
                    stops.add(new Stop(at - 1, above.get().place(), above.get().time(), End.UNKNOWN));
                    continue;
                }
            }
            stop.ifPresent(s -> stops.add(new Stop(at, s.place(), s.time(), s.end())));
            if (stop.isPresent() && stop.get().end() == End.UNKNOWN) {
                transferTime(line, stop.get()).ifPresent(departs -> transfers.put(stops.size() - 1, departs));
            }
        }
        return withTransfers(stops, transfers);
    }

    /**
     * A change between the first and last stop printed as one row with its arrival and departure times ("Praha,
     * ÚAN Florenc | 09:30 | 10:15"): an arrival, then a departure from the same place. At the journey's ends the row
     * stays one stop, read by its first time as before.
     */
    private static List<Stop> withTransfers(List<Stop> stops, java.util.Map<Integer, LocalTime> transfers) {
        if (transfers.isEmpty()) {
            return stops;
        }
        List<Stop> split = new ArrayList<>();
        for (int i = 0; i < stops.size(); i++) {
            Stop stop = stops.get(i);
            LocalTime departs = transfers.get(i);
            if (departs != null && i > 0 && i + 1 < stops.size()) {
                split.add(new Stop(stop.line(), stop.place(), stop.time(), End.ARRIVAL));
                split.add(new Stop(stop.line(), stop.place(), departs, End.DEPARTURE));
            } else {
                split.add(stop);
            }
        }
        return split;
    }

    /**
     * The departure time of a timetable row of cells that prints two times in cells of their own after its stop,
     * the later within three hours of the first: the stop's arrival and departure.
     */
    private static Optional<LocalTime> transferTime(String line, Stop stop) {
        String[] cells = line.split("\t");
        List<LocalTime> times = new ArrayList<>();
        for (String cell : cells) {
            if (TIME_ALONE.matcher(cell.strip()).matches()) {
                DateTimes.times(cell).stream().map(Found::value).forEach(times::add);
            } else if (hasClock(cell)) {
                return Optional.empty(); // a time inside other words: not a row of time cells
            }
        }
        if (times.size() != 2 || !times.getFirst().equals(stop.time())) {
            return Optional.empty();
        }
        long minutes = java.time.Duration.between(times.get(0), times.get(1)).toMinutes();
        return minutes > 0 && minutes <= 180 ? Optional.of(times.get(1)) : Optional.empty();
    }

    /** Whether the line has a time's digits ("07:43", "07h04", "8.15"): most lines do not, and need no pattern. */
    private static boolean hasClock(String line) {
        for (int i = 1; i + 2 < line.length(); i++) {
            char c = line.charAt(i);
            if ((c == ':' || c == 'h' || c == '.') && Character.isDigit(line.charAt(i - 1))
                    && Character.isDigit(line.charAt(i + 1)) && Character.isDigit(line.charAt(i + 2))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A whole leg as a table row of cells, each end's station then its time ("Barcelona-Sants | 08:00 |
     * Zaragoza-Delicias | 09:30 | AVE 03063"), as column tables of origin, departure, destination and arrival print it.
     */
    private static Optional<List<Stop>> rowLeg(String line, int at, UnaryOperator<String> station) {
        if (line.indexOf('\t') < 0) {
            return Optional.empty();
        }
        String[] cells = line.split("\t");
        for (int i = 0; i + 3 < cells.length; i++) {
            if (TIME_ALONE.matcher(cells[i + 1].strip()).matches() && TIME_ALONE.matcher(cells[i + 3].strip()).matches()
                    && !hasClock(cells[i]) && !hasClock(cells[i + 2])) {
                String from = station.apply(cells[i]);
                String to = station.apply(cells[i + 2]);
                Optional<Stop> departure = from.equals(cells[i].strip()) ? stop(from, cells[i + 1], "dep")
                        : Optional.empty();
                Optional<Stop> arrival = to.equals(cells[i + 2].strip()) ? stop(to, cells[i + 3], "arr")
                        : Optional.empty();
                if (departure.isPresent() && arrival.isPresent() && !from.equalsIgnoreCase(to)) {
                    return Optional.of(List.of(new Stop(at, from, departure.get().time(), End.DEPARTURE),
                            new Stop(at, to, arrival.get().time(), End.ARRIVAL)));
                }
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** "London Kings Cross to York": a leg's two ends in a line of their own. */
    private static final Pattern PLACE_TO_PLACE = Pattern.compile(
            "^([\\p{Lu}][\\p{L}\\d .'’()/-]{1,50}?)\\s+(?:to|nach|à|a|→|->)\\s+([\\p{Lu}][\\p{L}\\d .'’()/-]{1,50})$");
    /** "Departs 09:30, arrives 11:21": the times of the leg named on the line above. */
    private static final Pattern DEPARTS_ARRIVES = Pattern.compile(
            "(?iu)^(?:departs?|departure|dep\\.?|abfahrt|ab|départ|salida)\\s*:?\\s*" + TIME
                    + "\\s*(?:[,;|/–—-]|\\t)?\\s*(?:arrives?|arrival|arr\\.?|ankunft|an|arrivée|llegada)\\s*:?\\s*" + TIME + "\\.?$");

    /**
     * A leg's two ends above their times: a row of two station cells, then a row of two time cells ("Madrid Puerta de
     * Atocha | Valencia Joaquín Sorolla", "11:25 | 13:05"), or "A to B" then "Departs 09:30, arrives 11:21".
     */
    private static Optional<List<Stop>> placesAboveTimes(List<String> lines, int at, UnaryOperator<String> station) {
        if (at + 1 >= lines.size()) {
            return Optional.empty();
        }
        String next = lines.get(at + 1).strip();
        if (!hasClock(next)) {
            return Optional.empty(); // both forms print the times on the next line: most lines have none
        }
        String line = lines.get(at);
        String from;
        String to;
        String departs;
        String arrives;
        String[] cells = line.split("\t");
        String[] times = next.split("\t");
        if (cells.length == 2 && times.length == 2 && TIME_ALONE.matcher(times[0].strip()).matches()
                && TIME_ALONE.matcher(times[1].strip()).matches()) {
            from = cells[0].strip();
            to = cells[1].strip();
            departs = times[0];
            arrives = times[1];
        } else {
            Matcher places = PLACE_TO_PLACE.matcher(line.replace('\t', ' ').strip());
            Matcher clock = DEPARTS_ARRIVES.matcher(next.replace('\t', ' '));
            if (!places.matches() || !clock.matches()) {
                return Optional.empty();
            }
            from = places.group(1).strip();
            to = places.group(2).strip();
            departs = clock.group(1);
            arrives = clock.group(2);
        }
        String a = station.apply(from);
        String b = station.apply(to);
        if (!a.equals(from) || !b.equals(to) || a.equalsIgnoreCase(b)) {
            return Optional.empty();
        }
        Optional<Stop> departure = stop(a, departs, "dep");
        Optional<Stop> arrival = stop(b, arrives, "arr");
        if (departure.isEmpty() || arrival.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(List.of(new Stop(at, a, departure.get().time(), End.DEPARTURE),
                new Stop(at + 1, b, arrival.get().time(), End.ARRIVAL)));
    }

    /** "Departure 14:15 - 22/04/2027": a departure or arrival word and its time, the station on the line above. */
    private static final Pattern WORD_TIME = Pattern.compile(
            "(?iu)^(" + DEPARTURE_WORDS + "|" + ARRIVAL_WORDS + ")\\.?\\s*:?\\s*" + TIME
                    + "(?:\\s*(?:uhr)?\\s*(?:[-–,]|\\t)\\s*[\\p{L}\\d ./,]{0,30})?$");

    /** A station alone on its line, its departure or arrival word and time on the next ("Napoli Centrale"). */
    private static Optional<Stop> placeAboveWordTime(List<String> lines, int at, UnaryOperator<String> station) {
        if (at + 1 >= lines.size() || lines.get(at).indexOf('\t') >= 0 || !hasClock(lines.get(at + 1))) {
            return Optional.empty();
        }
        Matcher m = WORD_TIME.matcher(lines.get(at + 1).strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String line = lines.get(at).strip();
        String place = station.apply(line);
        return place.equals(line) ? stop(place, m.group(2), m.group(1)).map(s -> new Stop(at, s.place(), s.time(), s.end()))
                : Optional.empty();
    }

    /** A header-paired timetable row: "Halt: Köln Hbf", then its time a few lines on ("Zeit: ab 07:43"). */
    private static Optional<Stop> labelledRow(List<String> lines, int i, UnaryOperator<String> station) {
        if (lines.get(i).indexOf('\t') < 0) {
            return Optional.empty();
        }
        Optional<String> value = Labels.STATION.value(lines, i);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String place = station.apply(value.get());
        if (place.isEmpty()) {
            return Optional.empty();
        }
        for (int next = i + 1; next < Math.min(lines.size(), i + 7) && Labels.STATION.value(lines, next).isEmpty();
                next++) {
            List<Found<LocalTime>> times = DateTimes.times(lines.get(next));
            if (!times.isEmpty()) {
                return Optional.of(new Stop(i, place, times.getFirst().value(), marked(lines.get(next))));
            }
        }
        return Optional.empty();
    }

    /** A timetable row of cells: the station first, its time in a later cell. */
    private static Optional<Stop> row(String line, UnaryOperator<String> station) {
        int tab = line.indexOf('\t');
        if (tab < 0) {
            return Optional.empty();
        }
        String first = line.substring(0, tab);
        String rest = line.substring(tab + 1);
        int next = rest.indexOf('\t');
        if (DATE_CELL.matcher(first).matches() && next > 0) {
            // "So 11.8.12 | Brno, AN u hotelu Grand | 9:30": the row's day first, then its stop
            first = rest.substring(0, next);
            rest = rest.substring(next + 1);
        }
        if (!DateTimes.times(first).isEmpty() || Labels.isAnyBare(first) || first.chars().noneMatch(Character::isLetter)) {
            return Optional.empty();
        }
        List<Found<LocalTime>> times = DateTimes.times(rest);
        if (times.isEmpty()) {
            return Optional.empty();
        }
        String place = station.apply(first);
        return place.isEmpty() || !place.equals(first.strip()) ? Optional.empty()
                : Optional.of(new Stop(-1, place, times.getFirst().value(), marked(rest)));
    }

    /** "PARIS GARE DE LYON HALL 1 ET 2 12/03 à 08h04 | VOITURE 5": a long name run into its day and time. */
    private static final Pattern PLACE_DAY_TIME = Pattern.compile(
            "(?iu)^([\\p{Lu}][\\p{L}\\d .,()'’/-]{1,60}?)\\s+\\d{1,2}[./]\\d{1,2}\\.?(?:[./]\\d{2,4})?\\s+"
                    + "(?:(à|um|at|a las|ab|an|dep\\.?|arr\\.?)\\s+)?" + TIME + "(?:\\s*uhr)?(?:[\\s,;|].*)?$");

    private static Optional<Stop> placeDayTime(String line, UnaryOperator<String> station) {
        int tab = line.indexOf('\t');
        Matcher m = PLACE_DAY_TIME.matcher(tab < 0 ? line.strip() : line.substring(0, tab).strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String place = station.apply(m.group(1));
        String word = m.group(2) == null ? null : m.group(2).toLowerCase(java.util.Locale.ROOT).replace(".", "");
        boolean marks = word != null && (word.equals("ab") || word.equals("an") || word.equals("dep") || word.equals("arr"));
        return place.equals(m.group(1).strip()) ? stop(place, m.group(3), marks ? word : null) : Optional.empty();
    }

    private static Optional<Stop> timeThenPlace(String line, UnaryOperator<String> station) {
        Matcher m = TIME_THEN_PLACE.matcher(line.replace('\t', ' ').strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        return stop(station.apply(m.group(3)), m.group(2), m.group(1));
    }

    private static Optional<Stop> wordPlaceTime(String line, UnaryOperator<String> station) {
        Matcher m = WORD_PLACE_TIME.matcher(line.replace('\t', ' ').strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        return stop(station.apply(m.group(2)), m.group(3), m.group(1));
    }

    private static Optional<Stop> placeMarkTime(String line, UnaryOperator<String> station) {
        Matcher m = PLACE_MARK_TIME.matcher(line.replace('\t', ' ').strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        return stop(station.apply(m.group(1)), m.group(3), m.group(2).replace(".", ""));
    }

    /** A row of cells rendered one per line: the time alone, the station on the next line. */
    private static Optional<Stop> timeAbovePlace(List<String> lines, int i, UnaryOperator<String> station) {
        Matcher m = TIME_ALONE.matcher(lines.get(i).strip());
        int next = i + 1;
        if (!m.matches() || next >= lines.size() || !DateTimes.times(lines.get(next)).isEmpty()) {
            return Optional.empty();
        }
        String place = station.apply(lines.get(next));
        return place.equals(lines.get(next).strip()) ? stop(place, m.group(1), null) : Optional.empty();
    }

    private static Optional<Stop> stop(String place, String time, String word) {
        List<Found<LocalTime>> times = DateTimes.times(time);
        if (place.isEmpty() || times.isEmpty()) {
            return Optional.empty();
        }
        End end = word == null ? End.UNKNOWN
                : DEPARTURE_WORD.matcher(word).matches() ? End.DEPARTURE : End.ARRIVAL;
        return Optional.of(new Stop(-1, place, times.getFirst().value(), end));
    }

    private static End marked(String cell) {
        Matcher m = MARKED_TIME.matcher(cell);
        if (!m.find()) {
            return End.UNKNOWN;
        }
        String word = m.group(1).toLowerCase(java.util.Locale.ROOT);
        return word.startsWith("ab") || word.startsWith("dep") ? End.DEPARTURE : End.ARRIVAL;
    }
}
