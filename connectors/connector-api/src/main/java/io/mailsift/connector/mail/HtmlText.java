package io.mailsift.connector.mail;

import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The visible text of an HTML body, one line per block element, so that a connector can read it line by line as it
 * would read a plain-text mail.
 */
final class HtmlText {

    private static final Set<String> BLOCKS = Set.of(
            "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd", "div", "dl", "dt",
            "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
            "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "tfoot", "thead", "tr", "ul");
    private static final Set<String> CELLS = Set.of("td", "th");
    private static final Set<String> INVISIBLE = Set.of(
            "head", "script", "style", "template", "title", "noscript", "meta", "link");

    private HtmlText() {
    }

    static String of(Element root) {
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            private int hidden;
            private int preformatted;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element element) {
                    String name = element.normalName();
                    if (name.equals("pre")) {
                        preformatted++;
                    }
                    if (INVISIBLE.contains(name)) {
                        hidden++;
                    } else if (hidden == 0 && BLOCKS.contains(name)) {
                        out.append('\n');
                    } else if (hidden == 0 && CELLS.contains(name)) {
                        out.append(' ');
                    }
                } else if (node instanceof TextNode text && hidden == 0) {
                    // source line breaks are layout-neutral in HTML, except inside <pre>
                    String whole = text.getWholeText();
                    out.append(preformatted > 0 ? whole : whole.replace('\n', ' ').replace('\r', ' '));
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element) {
                    String name = element.normalName();
                    if (name.equals("pre")) {
                        preformatted--;
                    }
                    if (INVISIBLE.contains(name)) {
                        hidden--;
                    } else if (hidden == 0 && BLOCKS.contains(name) && !name.equals("br")) {
                        out.append('\n');
                    }
                }
            }
        }, root);
        return tidy(out);
    }

    private static final Pattern SPACE_RUN = Pattern.compile("[ \\t\\x0B\\f\\r\\u2000-\\u200B\\u202F\\u205F\\u3000]+");

    /** Collapses whitespace inside lines and drops blank lines: nested blocks would otherwise stack them up. */
    static String tidy(CharSequence raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (String line : raw.toString().replace('\u00A0', ' ').split("\n", -1)) {
            String collapsed = SPACE_RUN.matcher(line).replaceAll(" ").strip();
            if (!collapsed.isEmpty()) {
                out.append(out.isEmpty() ? "" : "\n").append(collapsed);
            }
        }
        return out.toString();
    }
}
