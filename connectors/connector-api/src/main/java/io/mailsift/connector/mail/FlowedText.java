package io.mailsift.connector.mail;

/**
 * Undoes RFC 3676 {@code format=flowed}: lines ending in a space are soft breaks of one paragraph, a leading space is
 * stuffing. Connectors then see the sender's paragraphs, not the mailer's 72-column wrapping.
 */
final class FlowedText {

    private FlowedText() {
    }

    static String unwrap(String text, boolean deleteSpace) {
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        boolean continuing = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            int quoteDepth = 0;
            while (quoteDepth < line.length() && line.charAt(quoteDepth) == '>') {
                quoteDepth++;
            }
            String content = line.substring(quoteDepth);
            if (quoteDepth == 0 && content.startsWith(" ")) {
                content = content.substring(1);
            } else if (quoteDepth > 0 && continuing && content.startsWith(" ")) {
                // the quote marks and their space were already written with the paragraph's first line
                content = content.substring(1);
            }
            if (!continuing) {
                out.append(line, 0, quoteDepth);
            }
            boolean soft = content.endsWith(" ") && !content.equals("-- ");
            if (soft && deleteSpace) {
                content = content.substring(0, content.length() - 1);
            }
            out.append(content);
            continuing = soft;
            if (!soft && i < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }
}
