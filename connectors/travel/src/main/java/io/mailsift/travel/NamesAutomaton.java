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

    /** The state after each state and character class. */
    private final int[] next;
    /** The groups of the names that end in each state, its shorter suffixes' included. */
    private final long[] groups;
    /** Each text char's class: that of the char it maps to, 0 for one no name has. */
    private final char[] classes;
    private final int classCount;

    private NamesAutomaton(int[] next, long[] groups, char[] classes, int classCount) {
        this.next = next;
        this.groups = groups;
        this.classes = classes;
        this.classCount = classCount;
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
        return new NamesAutomaton(next, groups, textClasses, classCount);
    }

    /** The groups of every name the text contains. */
    long groupsIn(String text) {
        long found = groups[0]; // an empty name's, in every text
        int state = 0;
        for (int i = 0; i < text.length(); i++) {
            state = next[state * classCount + classes[text.charAt(i)]];
            found |= groups[state];
        }
        return found;
    }
}
