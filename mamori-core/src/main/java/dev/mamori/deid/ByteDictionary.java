package dev.mamori.deid;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A column's distinct values numbered in order of first appearance, looked up by their UTF-8 bytes as they lie in the
 * input, so that a cell needs no {@code String} to be counted or matched (open addressing; a value's text is decoded
 * once, when it is added). By hand: the JDK's maps key on objects, and a key object per cell is the cost avoided here.
 */
final class ByteDictionary {

    private byte[][] keys = new byte[16][];
    private int[] hashes = new int[16];
    private final List<String> values = new ArrayList<>();
    private int[] slots = new int[64]; // code + 1, 0 for empty
    private int size;

    /** The dictionary of {@code values}, numbered as listed. */
    static ByteDictionary of(List<String> values) {
        ByteDictionary d = new ByteDictionary();
        for (String v : values) {
            byte[] b = v.getBytes(StandardCharsets.UTF_8);
            d.add(b, 0, b.length, v);
        }
        return d;
    }

    /** The number of {@code bytes[from, to)}, or -1 when it is not here. */
    int code(byte[] bytes, int from, int to) {
        int h = hash(bytes, from, to);
        int mask = slots.length - 1;
        for (int s = h & mask; ; s = (s + 1) & mask) {
            int c = slots[s] - 1;
            if (c < 0) {
                return -1;
            }
            if (hashes[c] == h && Arrays.equals(keys[c], 0, keys[c].length, bytes, from, to)) {
                return c;
            }
        }
    }

    /** The number of {@code bytes[from, to)}, added (with its text decoded) when it is new. The bytes must be valid UTF-8. */
    int codeOrAdd(byte[] bytes, int from, int to) {
        int c = code(bytes, from, to);
        return c >= 0 ? c : add(bytes, from, to, new String(bytes, from, to - from, StandardCharsets.UTF_8));
    }

    private int add(byte[] bytes, int from, int to, String value) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            hashes = Arrays.copyOf(hashes, size * 2);
        }
        int h = hash(bytes, from, to);
        keys[size] = Arrays.copyOfRange(bytes, from, to);
        hashes[size] = h;
        values.add(value);
        size++;
        if (size * 2 > slots.length) {
            slots = new int[slots.length * 2];
            for (int c = 0; c < size; c++) {
                place(c);
            }
        } else {
            place(size - 1);
        }
        return size - 1;
    }

    private void place(int c) {
        int mask = slots.length - 1;
        int s = hashes[c] & mask;
        while (slots[s] != 0) {
            s = (s + 1) & mask;
        }
        slots[s] = c + 1;
    }

    /** The values, by number. */
    List<String> values() {
        return values;
    }

    private static int hash(byte[] b, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        int x = h * 0x9E3779B9;
        return x ^ (x >>> 16);
    }
}
