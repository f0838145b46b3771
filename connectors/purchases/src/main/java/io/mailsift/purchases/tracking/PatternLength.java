package io.mailsift.purchases.tracking;

/**
 * The shortest and longest text without whitespace a carrier's pattern can match, worked out from the pattern, so
 * that a candidate of another length is turned down without running the pattern: mails hold many numbers and the
 * patterns are slow to fail. Knows the syntax the carrier data uses (groups, look-arounds, classes, escapes,
 * quantifiers, alternation); {@code \s} counts as nothing, for the candidates have no spaces left.
 */
final class PatternLength {

    static final int UNBOUNDED = Integer.MAX_VALUE;

    private final String regex;
    private int pos;

    private PatternLength(String regex) {
        this.regex = regex;
    }

    /** {min, max} of the pattern's matches; max is {@link #UNBOUNDED} when a quantifier has no upper bound. */
    static int[] of(String regex) {
        PatternLength parser = new PatternLength(regex);
        int[] bounds = parser.alternation();
        if (parser.pos != regex.length()) {
            throw new IllegalArgumentException("Unbalanced pattern at " + parser.pos + ": " + regex);
        }
        return bounds;
    }

    private int[] alternation() {
        int[] bounds = sequence();
        while (pos < regex.length() && regex.charAt(pos) == '|') {
            pos++;
            int[] other = sequence();
            bounds = new int[] {Math.min(bounds[0], other[0]), Math.max(bounds[1], other[1])};
        }
        return bounds;
    }

    private int[] sequence() {
        int min = 0;
        int max = 0;
        while (pos < regex.length() && regex.charAt(pos) != '|' && regex.charAt(pos) != ')') {
            int[] atom = quantified(atom());
            min = add(min, atom[0]);
            max = add(max, atom[1]);
        }
        return new int[] {min, max};
    }

    private int[] atom() {
        char c = regex.charAt(pos++);
        switch (c) {
            case '(' -> {
                boolean zeroWidth = false;
                if (regex.startsWith("?:", pos)) {
                    pos += 2;
                } else if (regex.startsWith("?=", pos) || regex.startsWith("?!", pos)) {
                    pos += 2;
                    zeroWidth = true;
                } else if (regex.startsWith("?<=", pos) || regex.startsWith("?<!", pos)) {
                    pos += 3;
                    zeroWidth = true;
                } else if (regex.startsWith("?<", pos)) {
                    pos = regex.indexOf('>', pos) + 1;
                }
                int[] inner = alternation();
                if (pos >= regex.length() || regex.charAt(pos) != ')') {
                    throw new IllegalArgumentException("Unclosed group in " + regex);
                }
                pos++;
                return zeroWidth ? new int[] {0, 0} : inner;
            }
            case '[' -> {
                if (pos < regex.length() && regex.charAt(pos) == '^') {
                    pos++;
                }
                if (pos < regex.length() && regex.charAt(pos) == ']') {
                    pos++;
                }
                while (regex.charAt(pos) != ']') {
                    pos += regex.charAt(pos) == '\\' ? 2 : 1;
                }
                pos++;
                return new int[] {1, 1};
            }
            case '\\' -> {
                char escaped = regex.charAt(pos++);
                return escaped == 's' || escaped == 'b' || escaped == 'B' ? new int[] {0, 0} : new int[] {1, 1};
            }
            case '^', '$' -> {
                return new int[] {0, 0};
            }
            default -> {
                return new int[] {1, 1};
            }
        }
    }

    private int[] quantified(int[] atom) {
        if (pos >= regex.length()) {
            return atom;
        }
        int[] result = switch (regex.charAt(pos)) {
            case '*' -> {
                pos++;
                yield new int[] {0, atom[1] == 0 ? 0 : UNBOUNDED};
            }
            case '+' -> {
                pos++;
                yield new int[] {atom[0], atom[1] == 0 ? 0 : UNBOUNDED};
            }
            case '?' -> {
                pos++;
                yield new int[] {0, atom[1]};
            }
            case '{' -> {
                int close = regex.indexOf('}', pos);
                String[] range = regex.substring(pos + 1, close).split(",", -1);
                pos = close + 1;
                int low = Integer.parseInt(range[0].strip());
                int high = range.length == 1 ? low
                        : range[1].isBlank() ? UNBOUNDED : Integer.parseInt(range[1].strip());
                yield new int[] {multiply(atom[0], low), multiply(atom[1], high)};
            }
            default -> atom;
        };
        // Lazy and possessive forms match the same lengths.
        if (result != atom && pos < regex.length() && (regex.charAt(pos) == '?' || regex.charAt(pos) == '+')) {
            pos++;
        }
        return result;
    }

    private static int add(int a, int b) {
        return a == UNBOUNDED || b == UNBOUNDED ? UNBOUNDED : a + b;
    }

    private static int multiply(int a, int times) {
        if (a == 0 || times == 0) {
            return 0;
        }
        return a == UNBOUNDED || times == UNBOUNDED ? UNBOUNDED : a * times;
    }
}
