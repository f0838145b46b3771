package io.mailsift.profile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The category taxonomy of the shopper profile, read from {@code taxonomy.txt} next to this class (its format and how
 * to extend it: the file's header and docs/profile.md). Items are placed by the keywords of their names, and an
 * order's rest (and items no keyword places) by the merchant's brand.
 */
@Component
public class Taxonomy {

    static final String RESOURCE = "taxonomy.txt";
    /** Where whatever nothing places goes; must be listed in the file. */
    static final String OTHER = "other";
    /** Below this length a keyword matches whole words only: "tee" must not match "teeth". */
    private static final int MIN_PARTIAL_KEYWORD = 5;

    private record Term(List<String> words, Category category, int rank) {

        int length() {
            return String.join(" ", words).length();
        }
    }

    private final Map<String, Category> categories;
    private final List<Term> brands;
    private final List<Term> keywords;

    public Taxonomy() {
        this(Taxonomy.class.getResourceAsStream(RESOURCE));
    }

    Taxonomy(InputStream source) {
        Objects.requireNonNull(source, "missing " + RESOURCE + " next to " + Taxonomy.class.getName());
        Map<String, Category> read = new LinkedHashMap<>();
        List<Term> readBrands = new ArrayList<>();
        List<Term> readKeywords = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(source, StandardCharsets.UTF_8))) {
            Category current = null;
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                if (text.startsWith("[")) {
                    int close = text.indexOf(']');
                    if (close < 2) {
                        throw new IllegalStateException(RESOURCE + ":" + number + ": expected [id] Label");
                    }
                    current = new Category(text.substring(1, close).strip(), text.substring(close + 1).strip());
                    if (read.putIfAbsent(current.id(), current) != null) {
                        throw new IllegalStateException(RESOURCE + ":" + number + ": category " + current.id()
                                + " listed twice");
                    }
                    continue;
                }
                int colon = text.indexOf(':');
                if (current == null || colon < 0) {
                    throw new IllegalStateException(RESOURCE + ":" + number
                            + ": expected 'merchants:' or 'keywords:' under a [category]");
                }
                String kind = text.substring(0, colon).strip();
                List<Term> target = switch (kind) {
                    case "merchants" -> readBrands;
                    case "keywords" -> readKeywords;
                    default -> throw new IllegalStateException(RESOURCE + ":" + number + ": unknown key " + kind);
                };
                for (String term : text.substring(colon + 1).split(",")) {
                    List<String> words = NameWords.of(term);
                    if (!words.isEmpty()) {
                        target.add(new Term(words, current, read.size()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!read.containsKey(OTHER)) {
            throw new IllegalStateException(RESOURCE + " must list the category [" + OTHER + "]");
        }
        this.categories = Collections.unmodifiableMap(read);
        this.brands = List.copyOf(readBrands);
        this.keywords = List.copyOf(readKeywords);
    }

    /** Every category, in the file's order. */
    public List<Category> categories() {
        return List.copyOf(categories.values());
    }

    /** The category of an id; {@link #other()} for an id the taxonomy no longer has. */
    public Category byId(String id) {
        return categories.getOrDefault(id, other());
    }

    public Category other() {
        return categories.get(OTHER);
    }

    /** The category of a merchant's brand, if the taxonomy knows it ({@code Amazon.de} is {@code amazon}). */
    public Optional<Category> ofMerchant(String merchant) {
        List<String> words = NameWords.of(merchant);
        String joined = String.join("", words);
        return best(brands,
                brand -> containsRun(words, brand.words()) || joined.equals(String.join("", brand.words())));
    }

    /** The category an item's name says, if one of its words is a keyword. */
    public Optional<Category> ofItem(String itemName) {
        List<String> words = NameWords.of(itemName);
        return best(keywords, keyword -> matches(words, keyword.words()));
    }

    /** The item's category, else the merchant's, else {@link #other()}. */
    public Category of(String merchant, String itemName) {
        return ofItem(itemName).or(() -> ofMerchant(merchant)).orElseGet(this::other);
    }

    private static Optional<Category> best(List<Term> terms, java.util.function.Predicate<Term> matching) {
        Term best = null;
        for (Term term : terms) {
            if (matching.test(term) && (best == null || term.length() > best.length()
                    || term.length() == best.length() && term.rank() < best.rank())) {
                best = term;
            }
        }
        return Optional.ofNullable(best).map(Term::category);
    }

    private static boolean matches(List<String> words, List<String> keyword) {
        if (keyword.size() > 1) {
            return containsRun(words, keyword);
        }
        String term = keyword.getFirst();
        for (String word : words) {
            if (word.equals(term) || term.length() >= MIN_PARTIAL_KEYWORD
                    && (word.startsWith(term) || word.endsWith(term))) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsRun(List<String> words, List<String> run) {
        return Collections.indexOfSubList(words, run) >= 0;
    }
}
