package io.mailsift.connector;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A header prefilter compiled once from a keyword table, for {@link Connector#interestedIn(EmailHeaders)}: accepts
 * a message when one of its terms appears in the subject, the sender's display name or the sender's address, when
 * the message is a forward, or when its top-level {@code Content-Type} is one of the given types.
 *
 * <p>Text is compared folded: lower case, accents removed ({@code Bestätigung} = {@code bestatigung}, {@code ß} =
 * {@code ss}), every run of characters that are not letters or digits read as one space; an address reads as its
 * words ({@code shipment-tracking@amazon.com} = {@code shipment tracking amazon com}). A term is one of:
 * <ul>
 *   <li>{@code word}: a whole word ({@code vol} matches "Vol AF1234", not "volume");</li>
 *   <li>{@code stem*}: the start of a word ({@code reserv*}: reservation, réservation, Reservierung, reserva);</li>
 *   <li>{@code *part*}: anywhere, for compounds ({@code *buchung*}: Flugbuchung, Buchungsbestätigung);</li>
 *   <li>{@code two words}: consecutive whole words ({@code boarding pass}, {@code e-ticket} = {@code e ticket}).</li>
 * </ul>
 *
 * <p>Forwards are always accepted: a subject that starts with a forward prefix in any common language ({@code Fwd:},
 * {@code Fw:}, {@code WG:}, {@code TR:}, {@code RV:}, {@code Enc:}, {@code I:}, {@code VS:}, {@code Doorst:}), or that
 * holds the word {@code fwd}. People forward bookings and receipts with the subject they like, and forwards are few.
 *
 * <p>A table is a UTF-8 text resource, one term per line; {@code #} starts a comment. Immutable and thread-safe;
 * a message that matches nothing costs a few microseconds.
 */
public final class HeaderPrefilter {

    private final Set<String> words;
    private final Set<String> stems;
    private final int[] stemLengths;
    private final List<String> parts;
    private final List<String> phrases;
    private final Set<String> contentTypes;

    private HeaderPrefilter(List<String> terms, Set<String> contentTypes) {
        Set<String> words = new HashSet<>();
        Set<String> stems = new HashSet<>();
        Set<Integer> lengths = new TreeSet<>();
        List<String> parts = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        for (String term : terms) {
            boolean leading = term.startsWith("*");
            boolean trailing = term.endsWith("*") && term.length() > 1;
            String folded = fold(term.replace("*", " "));
            if (folded.isEmpty()) {
                throw new IllegalArgumentException("a prefilter term needs a letter or digit: '" + term + "'");
            }
            if (leading && trailing) {
                parts.add(folded);
            } else if (leading) {
                throw new IllegalArgumentException("'*' at the start needs one at the end too: '" + term + "'");
            } else if (folded.contains(" ")) {
                if (trailing) {
                    throw new IllegalArgumentException("a phrase cannot be a stem: '" + term + "'");
                }
                phrases.add(" " + folded + " ");
            } else if (trailing) {
                stems.add(folded);
                lengths.add(folded.length());
            } else {
                words.add(folded);
            }
        }
        this.words = Set.copyOf(words);
        this.stems = Set.copyOf(stems);
        this.stemLengths = lengths.stream().mapToInt(Integer::intValue).toArray();
        this.parts = List.copyOf(parts);
        this.phrases = List.copyOf(phrases);
        this.contentTypes = Set.copyOf(contentTypes);
    }

    /** A prefilter of these terms (syntax in the class documentation). */
    public static HeaderPrefilter of(List<String> terms) {
        return new HeaderPrefilter(terms, Set.of());
    }

    /**
     * A prefilter of the terms in a class-path resource next to {@code owner} (one term per line, {@code #} starts a
     * comment). Fails fast when the resource is missing: a connector without its table would be broken.
     */
    public static HeaderPrefilter load(Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("prefilter table " + resource + " not found next to " + owner);
            }
            List<String> terms = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    int comment = line.indexOf('#');
                    String term = (comment < 0 ? line : line.substring(0, comment)).strip();
                    if (!term.isEmpty()) {
                        terms.add(term);
                    }
                }
            }
            return of(terms);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read prefilter table " + resource, e);
        }
    }

    /** This prefilter, also accepting every message whose top-level {@code Content-Type} is one of these. */
    public HeaderPrefilter orContentType(String... mimeTypes) {
        Set<String> types = new HashSet<>(contentTypes);
        for (String type : mimeTypes) {
            types.add(type.toLowerCase(Locale.ROOT));
        }
        return new HeaderPrefilter(this, types);
    }

    private HeaderPrefilter(HeaderPrefilter terms, Set<String> contentTypes) {
        this.words = terms.words;
        this.stems = terms.stems;
        this.stemLengths = terms.stemLengths;
        this.parts = terms.parts;
        this.phrases = terms.phrases;
        this.contentTypes = Set.copyOf(contentTypes);
    }

    /** Whether the message may interest the connector. */
    public boolean accepts(EmailHeaders headers) {
        return reason(headers).isPresent();
    }

    /** Why the message is accepted (e.g. {@code subject: "reserv*"}), or empty when it is not. */
    public Optional<String> reason(EmailHeaders headers) {
        if (isForward(headers.subject())) {
            return Optional.of("forward");
        }
        Optional<String> term = match(headers.subject());
        if (term.isPresent()) {
            return term.map(t -> "subject: " + t);
        }
        if (headers.fromName() != null) {
            term = match(headers.fromName());
            if (term.isPresent()) {
                return term.map(t -> "sender name: " + t);
            }
        }
        if (headers.from() != null) {
            term = match(headers.from());
            if (term.isPresent()) {
                return term.map(t -> "sender address: " + t);
            }
        }
        if (!contentTypes.isEmpty()) {
            Optional<String> type = headers.first("Content-Type").map(HeaderPrefilter::mimeType)
                    .filter(contentTypes::contains);
            if (type.isPresent()) {
                return type.map(t -> "content type: " + t);
            }
        }
        return Optional.empty();
    }

    /** The first term that matches {@code text}, as written in the table's syntax. */
    Optional<String> match(String text) {
        String folded = fold(text);
        if (folded.isEmpty()) {
            return Optional.empty();
        }
        int start = 0;
        while (start < folded.length()) {
            int end = folded.indexOf(' ', start);
            if (end < 0) {
                end = folded.length();
            }
            String word = folded.substring(start, end);
            if (words.contains(word)) {
                return Optional.of(word);
            }
            for (int length : stemLengths) {
                if (length > word.length()) {
                    break;
                }
                String stem = word.substring(0, length);
                if (stems.contains(stem)) {
                    return Optional.of(stem + "*");
                }
            }
            start = end + 1;
        }
        for (String part : parts) {
            if (folded.contains(part)) {
                return Optional.of("*" + part + "*");
            }
        }
        if (!phrases.isEmpty()) {
            String spaced = " " + folded + " ";
            for (String phrase : phrases) {
                if (spaced.contains(phrase)) {
                    return Optional.of(phrase.strip());
                }
            }
        }
        return Optional.empty();
    }

    /** Forward prefixes: English, German (WG, Weitergeleitet), French (TR), Spanish (RV, Reenviado), Portuguese
     * (Enc, Encaminhado), Italian (I, Inoltro), Nordic (VS, VB, Fwd), Dutch (Doorst). Followed by ':'. */
    private static final Set<String> FORWARD_PREFIXES = Set.of("fwd", "fw", "wg", "tr", "rv", "reenviado", "enc",
            "encaminhado", "i", "inoltro", "vs", "vb", "vl", "doorst", "weitergeleitet");

    /** Reply prefixes skipped before looking for a forward prefix ("Re: Fwd: ..."). */
    private static final Set<String> REPLY_PREFIXES = Set.of("re", "aw", "sv", "antw", "r", "rif", "ref", "res");

    /** Whether the subject says the message is a forward (after any reply prefixes). */
    public static boolean isForward(String subject) {
        int at = 0;
        int length = subject.length();
        for (int prefixes = 0; prefixes < 5 && at < length; prefixes++) {
            while (at < length && (Character.isWhitespace(subject.charAt(at)) || subject.charAt(at) == '[')) {
                at++;
            }
            int word = at;
            while (at < length && Character.isLetter(subject.charAt(at))) {
                at++;
            }
            if (word == at) {
                break;
            }
            String prefix = subject.substring(word, at).toLowerCase(Locale.ROOT);
            // "Fwd[2]:", "AW (3):" and "TR :" are all seen in the wild.
            while (at < length && (Character.isWhitespace(subject.charAt(at)) || Character.isDigit(subject.charAt(at))
                    || "[]()".indexOf(subject.charAt(at)) >= 0)) {
                at++;
            }
            if (at >= length || (subject.charAt(at) != ':' && subject.charAt(at) != '：')) {
                break;
            }
            at++;
            if (FORWARD_PREFIXES.contains(prefix)) {
                return true;
            }
            if (!REPLY_PREFIXES.contains(prefix)) {
                break;
            }
        }
        // "Booking details (fwd)", "[Fwd: ...]" further in.
        return containsWord(subject, "fwd");
    }

    private static boolean containsWord(String text, String word) {
        String lower = text.toLowerCase(Locale.ROOT);
        int from = 0;
        int at;
        while ((at = lower.indexOf(word, from)) >= 0) {
            int end = at + word.length();
            boolean startsWord = at == 0 || !Character.isLetterOrDigit(lower.charAt(at - 1));
            boolean endsWord = end == lower.length() || !Character.isLetterOrDigit(lower.charAt(end));
            if (startsWord && endsWord) {
                return true;
            }
            from = end;
        }
        return false;
    }

    /** The MIME type of a Content-Type value, lower case, without parameters. */
    private static String mimeType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Lower case without accents, every run of other characters than letters and digits one space, no space at
     * either end. ASCII text (most headers) skips the Unicode normalization.
     */
    static String fold(String text) {
        String source = text;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7f) {
                source = stripMarks(Normalizer.normalize(text, Normalizer.Form.NFD)).replace("ß", "ss");
                break;
            }
        }
        StringBuilder folded = new StringBuilder(source.length());
        boolean space = false;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (space && !folded.isEmpty()) {
                    folded.append(' ');
                }
                space = false;
                folded.append(Character.toLowerCase(c));
            } else {
                space = true;
            }
        }
        return folded.toString();
    }

    private static String stripMarks(String decomposed) {
        StringBuilder plain = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                plain.append(c);
            }
        }
        return plain.toString();
    }
}
