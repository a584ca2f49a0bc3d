package dev.mamori.detect;

import java.util.Arrays;

/**
 * A character trie for matching many words at once: at each text position one walk finds every
 * word that starts there, so the cost does not grow with the number of words. Built once, then
 * read-only and thread-safe.
 *
 * @param <V> what a word maps to
 */
final class Trie<V> {

    private static final class Node {
        char[] keys = new char[0];
        Node[] kids = new Node[0];
        Object value;

        Node child(char c) {
            int i = Arrays.binarySearch(keys, c);
            return i >= 0 ? kids[i] : null;
        }

        Node add(char c) {
            int i = Arrays.binarySearch(keys, c);
            if (i >= 0) {
                return kids[i];
            }
            int at = -i - 1;
            char[] k = new char[keys.length + 1];
            Node[] n = new Node[kids.length + 1];
            System.arraycopy(keys, 0, k, 0, at);
            System.arraycopy(kids, 0, n, 0, at);
            k[at] = c;
            n[at] = new Node();
            System.arraycopy(keys, at, k, at + 1, keys.length - at);
            System.arraycopy(kids, at, n, at + 1, kids.length - at);
            keys = k;
            kids = n;
            return n[at];
        }
    }

    private final Node root = new Node();
    /** The root's children by their character: the first step of every look-up is the one taken at every text position. */
    private final Node[] heads = new Node[65536];

    /** Adds a word; an existing word keeps its first value. Not thread-safe: build before sharing. */
    void put(String word, V value) {
        if (word.isEmpty()) {
            return;
        }
        Node n = root;
        for (int i = 0; i < word.length(); i++) {
            n = n.add(word.charAt(i));
            if (i == 0) {
                heads[word.charAt(0)] = n;
            }
        }
        if (n.value == null) {
            n.value = value;
        }
    }

    /** True when some word starts with this character: a cheap filter before {@link #longest}. */
    boolean startsSomeWord(char c) {
        return heads[c] != null;
    }

    /** True when some word occurs anywhere in {@code text}: one pass, most characters rejected by the first-character filter. */
    boolean occursIn(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (heads[text.charAt(i)] != null && longest(text, i) > 0) {
                return true;
            }
        }
        return false;
    }

    /** The length of the longest word starting at {@code from}, or 0. */
    int longest(CharSequence text, int from) {
        return longest(text, from, text.length());
    }

    /** The length of the longest word starting at {@code from} and ending by {@code to}, or 0. */
    int longest(CharSequence text, int from, int to) {
        if (from >= to) {
            return 0;
        }
        Node n = heads[text.charAt(from)];
        if (n == null) {
            return 0;
        }
        int best = n.value != null ? 1 : 0;
        for (int i = from + 1; i < to; i++) {
            n = n.child(text.charAt(i));
            if (n == null) {
                break;
            }
            if (n.value != null) {
                best = i + 1 - from;
            }
        }
        return best;
    }

    /** The value of the word {@code text[from, from + length)}, or null when it is not a word. */
    @SuppressWarnings("unchecked")
    V get(CharSequence text, int from, int length) {
        Node n = root;
        for (int i = from; i < from + length && n != null; i++) {
            n = n.child(text.charAt(i));
        }
        return n == null ? null : (V) n.value;
    }
}
