package io.mailsift.connector.mail;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.mailsift.connector.JsonLd;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads HTML microdata ({@code itemscope}, {@code itemtype}, {@code itemprop}) into JSON-LD shaped maps, following the
 * WHATWG microdata algorithm where mail allows it and tolerating what mail does wrong: properties outside any item are
 * ignored, an item without type is kept, an {@code itemprop} item with no enclosing item counts as top-level.
 */
final class MicrodataItems {

    private static final Set<String> SRC_ELEMENTS = Set.of(
            "audio", "embed", "iframe", "img", "source", "track", "video");
    private static final Set<String> HREF_ELEMENTS = Set.of("a", "area", "link");
    private static final int MAX_DEPTH = 32;

    private MicrodataItems() {
    }

    private static final Pattern PARAGRAPH_TAG = Pattern.compile("(?i)<(/?)p(?=[\\s>/])");

    /**
     * The top-level items of an HTML text. Paragraphs are read as divisions first: HTML closes a {@code <p>} at the
     * first block inside it, which would cut an {@code itemscope} paragraph off from its properties.
     */
    static List<Map<String, Object>> read(String html) {
        if (!containsItemscope(html)) {
            return List.of();
        }
        return read(Jsoup.parse(PARAGRAPH_TAG.matcher(html).replaceAll("<$1div")));
    }

    /**
     * Whether the text holds {@code itemscope} in any case (its first letter an ASCII {@code i} or {@code I}, the
     * others as {@link String#regionMatches(boolean, int, String, int, int)} ignores case): microdata needs it, and
     * most mail has none. A Horspool search: each window is judged by its last char, and a char that cannot be in
     * the word skips the whole word's length, so a 30 KB body is read about one char in eight.
     */
    static boolean containsItemscope(String html) {
        byte[] shifts = ITEMSCOPE_SHIFTS;
        int last = html.length() - ITEMSCOPE.length();
        int at = 0;
        while (at <= last) {
            char end = html.charAt(at + ITEMSCOPE.length() - 1);
            // a table, not the switch: on HTML the letters of the word are most chars, and the jump mispredicted
            int shift = end < shifts.length ? shifts[end] : ITEMSCOPE.length();
            if (shift == 0) {
                if (isItemscopeAt(html, at)) {
                    return true;
                }
                shift = itemscopeShift(end);
            }
            at += shift;
        }
        return false;
    }

    private static final String ITEMSCOPE = "itemscope";

    /**
     * {@link #itemscopeShift} of each char up to the long s (past it, the word's length); 0 for {@code e} and
     * {@code E}, the word's last char, where a window may end on it.
     */
    private static final byte[] ITEMSCOPE_SHIFTS = itemscopeShifts();

    private static byte[] itemscopeShifts() {
        byte[] shifts = new byte['\u017F' + 1];
        for (char c = 0; c < shifts.length; c++) {
            shifts[c] = c == 'e' || c == 'E' ? 0 : (byte) itemscopeShift(c);
        }
        return shifts;
    }

    static boolean isItemscopeAt(String html, int at) {
        char first = html.charAt(at);
        return (first == 'i' || first == 'I') && html.regionMatches(true, at + 1, ITEMSCOPE, 1, ITEMSCOPE.length() - 1);
    }

    /**
     * How far the window may move when its last char is {@code c}: to put the rightmost char of the word's first
     * eight that {@code c} may stand for (in any case; the long s {@code ſ} stands for {@code s}) under it, or past
     * it when it may stand for none.
     */
    static int itemscopeShift(char c) {
        char folded = c == '\u017F' ? 's' : c < 128 ? Character.toLowerCase(c) : c;
        return switch (folded) {
            case 'p' -> 1;
            case 'o' -> 2;
            case 'c' -> 3;
            case 's' -> 4;
            case 'm' -> 5;
            case 'e' -> 6;
            case 't' -> 7;
            case 'i' -> 8;
            default -> ITEMSCOPE.length();
        };
    }

    /** The top-level items in document order; items without any property are dropped. */
    static List<Map<String, Object>> read(Document document) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (Element element : document.select("[itemscope]")) {
            if (isTopLevel(element)) {
                Map<String, Object> item = item(element, document, Collections.newSetFromMap(new IdentityHashMap<>()),
                        0);
                if (item.keySet().stream().anyMatch(key -> !key.startsWith("@"))) {
                    items.add(item);
                }
            }
        }
        return items;
    }

    private static boolean isTopLevel(Element element) {
        if (!element.hasAttr("itemprop")) {
            return true;
        }
        for (Element parent = element.parent(); parent != null; parent = parent.parent()) {
            if (parent.hasAttr("itemscope")) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Object> item(Element scope, Document document, Set<Element> visiting, int depth) {
        Map<String, Object> item = new LinkedHashMap<>();
        String type = scope.attr("itemtype").strip();
        if (!type.isEmpty()) {
            item.put("@type", JsonLd.localName(type.split("\\s+")[0]));
        }
        String id = scope.attr("itemid").strip();
        if (!id.isEmpty()) {
            item.put("@id", id);
        }
        if (!visiting.add(scope) || depth > MAX_DEPTH) {
            return item;
        }
        List<Element> roots = new ArrayList<>(scope.children());
        for (String ref : scope.attr("itemref").strip().split("\\s+")) {
            Element referenced = ref.isEmpty() ? null : document.getElementById(ref);
            if (referenced != null) {
                roots.add(referenced);
            }
        }
        for (Element root : roots) {
            collect(root, item, document, visiting, depth);
        }
        visiting.remove(scope);
        return item;
    }

    /**
     * Adds the properties found at and below one element, in document order, not descending into nested items.
     * Iterative, since mail HTML can nest deeper than a thread's stack.
     */
    private static void collect(Element root, Map<String, Object> item, Document document, Set<Element> visiting,
            int depth) {
        Deque<Element> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Element element = pending.pop();
            String names = element.attr("itemprop").strip();
            boolean nestedItem = element.hasAttr("itemscope");
            if (!names.isEmpty()) {
                Object value = nestedItem ? item(element, document, visiting, depth + 1) : value(element);
                for (String name : names.split("\\s+")) {
                    add(item, propertyName(name), value);
                }
            }
            if (!nestedItem) {
                List<Element> children = element.children();
                for (int i = children.size() - 1; i >= 0; i--) {
                    pending.push(children.get(i));
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void add(Map<String, Object> item, String name, Object value) {
        Object existing = item.get(name);
        if (existing == null) {
            item.put(name, value);
        } else if (existing instanceof List<?> list) {
            ((List<Object>) list).add(value);
        } else {
            List<Object> values = new ArrayList<>();
            values.add(existing);
            values.add(value);
            item.put(name, values);
        }
    }

    /** Absolute property names ({@code http://schema.org/name}) become the schema.org local name. */
    private static String propertyName(String name) {
        return JsonLd.localName(name);
    }

    /** The property value per the microdata spec, plus {@code content} on link-like elements as mailers write it. */
    private static String value(Element element) {
        String tag = element.normalName();
        if (tag.equals("meta")) {
            return element.hasAttr("content") ? element.attr("content") : text(element);
        }
        if (SRC_ELEMENTS.contains(tag)) {
            return firstAttribute(element, "src", "content");
        }
        if (HREF_ELEMENTS.contains(tag)) {
            return firstAttribute(element, "href", "content");
        }
        if (tag.equals("object")) {
            return firstAttribute(element, "data", "content");
        }
        if (tag.equals("data") || tag.equals("meter")) {
            return element.hasAttr("value") ? element.attr("value") : text(element);
        }
        if (tag.equals("time") && element.hasAttr("datetime")) {
            return element.attr("datetime");
        }
        return text(element);
    }

    private static String firstAttribute(Element element, String... names) {
        for (String name : names) {
            if (element.hasAttr(name)) {
                return element.attr(name);
            }
        }
        return text(element);
    }

    /** The visible text, with block elements as line breaks (as KItinerary reads descriptions). */
    private static String text(Element element) {
        return HtmlText.of(element);
    }
}
