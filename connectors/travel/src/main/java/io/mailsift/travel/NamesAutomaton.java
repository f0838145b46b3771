package io.mailsift.travel;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which groups of names occur in a text, as {@code mapped(text).contains(name)} for each name would tell, in one pass
 * over the text (an Aho-Corasick automaton): the label table asks it of every line, and a search per name and line
 * cost a tenth of a newsletter's reading. Each name belongs to groups given as bits of a {@code long}; each char of
 * the text is mapped (folded, say) as the automaton reads it, then compared exactly with the names' chars.
 */
final class NamesAutomaton {

    /**
     * The row of the state after each row and character class, a state's row being its number shifted left by
     * {@link #rowShift}: the walk then adds the class to the row it reads, without a multiplication in the chain of
     * dependent steps that bounds its speed.
     */
    private final int[] nextRow;
    /** The groups of the names that end in each state, its shorter suffixes' included. */
    private final long[] groups;
    /** Each text char's class: that of the char it maps to, 0 for one no name has. */
    private final char[] classes;
    private final int rowShift;
    /** The length of the longest name, 1 at least. */
    private final int longest;

    private NamesAutomaton(int[] nextRow, long[] groups, char[] classes, int rowShift, int longest) {
        this.nextRow = nextRow;
        this.groups = groups;
        this.classes = classes;
        this.rowShift = rowShift;
        this.longest = longest;
    }

    /** The automaton of these names, each with the groups it belongs to; text chars read unmapped. */
    static NamesAutomaton of(Map<String, Long> groupsByName) {
        return of(groupsByName, c -> c);
    }

    /** The automaton of these names, each text char read as {@code map} maps it (to a char). */
    static NamesAutomaton of(Map<String, Long> groupsByName, java.util.function.IntUnaryOperator map) {
        char[] classes = new char[Character.MAX_VALUE + 1];
        int classCount = 1;
        for (String name : groupsByName.keySet()) {
            for (char c : name.toCharArray()) {
                if (classes[c] == 0) {
                    classes[c] = (char) classCount++;
                }
            }
        }
        // the trie of the names
        List<Map<Integer, Integer>> children = new ArrayList<>();
        List<Long> ending = new ArrayList<>();
        children.add(new HashMap<>());
        ending.add(0L);
        for (Map.Entry<String, Long> name : groupsByName.entrySet()) {
            int state = 0;
            for (char c : name.getKey().toCharArray()) {
                Integer child = children.get(state).get((int) classes[c]);
                if (child == null) {
                    child = children.size();
                    children.get(state).put((int) classes[c], child);
                    children.add(new HashMap<>());
                    ending.add(0L);
                }
                state = child;
            }
            ending.set(state, ending.get(state) | name.getValue());
        }
        // breadth first: each state's failure (its longest proper suffix that is a trie state) is known before its
        // children's, and so are the failure's moves
        int states = children.size();
        int[] next = new int[states * classCount];
        long[] groups = new long[states];
        int[] failure = new int[states];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        groups[0] = ending.get(0);
        for (int c = 0; c < classCount; c++) {
            Integer child = children.get(0).get(c);
            if (child != null && c != 0) {
                next[c] = child;
                failure[child] = 0;
                queue.add(child);
            }
        }
        while (!queue.isEmpty()) {
            int state = queue.poll();
            groups[state] = ending.get(state) | groups[failure[state]];
            for (int c = 0; c < classCount; c++) {
                Integer child = children.get(state).get(c);
                if (child != null && c != 0) {
                    next[state * classCount + c] = child;
                    failure[child] = next[failure[state] * classCount + c];
                    queue.add(child);
                } else {
                    next[state * classCount + c] = next[failure[state] * classCount + c];
                }
            }
        }
        char[] textClasses = new char[Character.MAX_VALUE + 1];
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            textClasses[c] = classes[map.applyAsInt(c)];
        }
        // rows of a power of two classes or more: the columns past classCount are never read
        int rowShift = Integer.SIZE - Integer.numberOfLeadingZeros(classCount - 1);
        int[] nextRow = new int[states << rowShift];
        for (int state = 0; state < states; state++) {
            for (int c = 0; c < classCount; c++) {
                nextRow[(state << rowShift) + c] = next[state * classCount + c] << rowShift;
            }
        }
        int longest = Math.max(1, groupsByName.keySet().stream().mapToInt(String::length).max().orElse(0));
        return new NamesAutomaton(nextRow, groups, textClasses, rowShift, longest);
    }

    /**
     * The groups of every name the text contains.
     *
     * <p>Each step waits for the one before (the next state depends on the last), so a long text is read as two
     * halves at once, interleaved: the second walk starts from the root {@code longest - 1} chars before the middle.
     * A name ending before the middle is seen by the first walk; one ending at it or after starts at or after the
     * second walk's start, and a walk from the root sees every name that starts where it started or later.
     */
    long groupsIn(String text) {
        int length = text.length();
        if (length < 4 * longest + 64) {
            return groupsIn(text, 0, length, groups[0]); // an empty name's, in every text
        }
        int middle = length >>> 1;
        int second = middle - longest + 1;
        long found = groups[0];
        int first = 0;
        int other = 0;
        int steps = middle; // the second walk is longer by longest - 1 chars, read after
        for (int i = 0; i < steps; i++) {
            first = nextRow[first + classes[text.charAt(i)]];
            other = nextRow[other + classes[text.charAt(second + i)]];
            found |= groups[first >>> rowShift] | groups[other >>> rowShift];
        }
        for (int i = second + steps; i < length; i++) {
            other = nextRow[other + classes[text.charAt(i)]];
            found |= groups[other >>> rowShift];
        }
        return found;
    }

    private long groupsIn(String text, int from, int to, long found) {
        int row = 0;
        long groupsFound = found;
        for (int i = from; i < to; i++) {
            row = nextRow[row + classes[text.charAt(i)]];
            groupsFound |= groups[row >>> rowShift];
        }
        return groupsFound;
    }
}
