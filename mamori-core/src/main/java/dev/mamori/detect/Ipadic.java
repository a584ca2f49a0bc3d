package dev.mamori.detect;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.CRC32C;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.dict.ConnectionCosts;
import org.apache.lucene.analysis.ja.dict.TokenInfoDictionary;
import org.apache.lucene.analysis.ja.dict.UnknownDictionary;
import org.apache.lucene.store.DataInput;
import org.apache.lucene.store.InputStreamDataInput;
import org.apache.lucene.store.OutputStreamDataOutput;
import org.apache.lucene.util.fst.FST;
import org.apache.lucene.util.fst.FSTCompiler;
import org.apache.lucene.util.fst.IntsRefFSTEnum;
import org.apache.lucene.util.fst.PositiveIntOutputs;

/**
 * Kuromoji's IPADIC with its word index (an FST of the surfaces) built again so that a word's first character is found
 * in a few steps whatever it is. Kuromoji's own FST finds the first character of a word in its root, a "direct
 * addressing" node spanning U+0021 to U+FFE5, by counting the bits of its presence table up to that character one byte at
 * a time; it keeps the arcs of U+3040 to U+9FFF aside, so kana and kanji are quick, but every other character —
 * 、 。 「 」 the ideographic space, the full-width forms （ ） ： ？ ０–９ Ａ–Ｚ — costs thousands of byte reads, at every
 * position of the text (a remark ending in （受付3） took four times as long as one in (受付3)). Lucene's classes are
 * final and its root cache fixed, so the same entries with the same outputs are compiled into an FST without direct
 * addressing, once, when Mamori is built ({@link #main}, run by Maven in {@code process-classes}), and the tokenizer is
 * given this dictionary with Kuromoji's own entries, unknown-word rules and connection costs: the same tokens, found
 * faster (IpadicTest compares the two). The checksum of the index it was rebuilt from is kept beside it, so a build
 * against another Kuromoji is never paired with this one's entries.
 */
final class Ipadic {
    /** Beside this class; written at build time by {@link #main}. */
    static final String RESOURCE = "ipadic-surfaces.fst";
    /** Beside it: the checksum of the Kuromoji index it was rebuilt from, in hexadecimal. */
    static final String SOURCE = RESOURCE + ".source";
    private static final String KUROMOJI = "org/apache/lucene/analysis/ja/dict/TokenInfoDictionary";

    /**
     * The dictionary with the rebuilt index; Kuromoji's own when the build did not write it (a class compiled by an IDE)
     * or wrote it from another Kuromoji than the one on the class path (its word ids would not match this one's entries).
     */
    static final TokenInfoDictionary DICTIONARY = load();

    private Ipadic() {
    }

    /** A tokenizer as {@code new JapaneseTokenizer(null, true, Mode.NORMAL)} builds it, over {@link #DICTIONARY}. */
    static JapaneseTokenizer tokenizer() {
        return new JapaneseTokenizer(JapaneseTokenizer.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, DICTIONARY,
                UnknownDictionary.getInstance(), ConnectionCosts.getInstance(), null, true, true, JapaneseTokenizer.Mode.NORMAL);
    }

    private static TokenInfoDictionary load() {
        URL surfaces = Ipadic.class.getResource(RESOURCE);
        ClassLoader kuromoji = TokenInfoDictionary.class.getClassLoader();
        try {
            if (surfaces == null || !rebuiltFromThisKuromoji()) {
                return TokenInfoDictionary.getInstance();
            }
            return new TokenInfoDictionary(kuromoji.getResource(KUROMOJI + "$targetMap.dat"),
                    kuromoji.getResource(KUROMOJI + "$posDict.dat"), kuromoji.getResource(KUROMOJI + "$buffer.dat"), surfaces);
        } catch (IOException e) {
            throw new UncheckedIOException("Kuromoji's dictionary could not be read from the class path", e);
        }
    }

    /** Whether {@link #SOURCE} names the checksum of the Kuromoji index on the class path. */
    static boolean rebuiltFromThisKuromoji() throws IOException {
        try (InputStream in = Ipadic.class.getResourceAsStream(SOURCE)) {
            return in != null && new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim().equals(kuromojiChecksum());
        }
    }

    /** The CRC-32C of Kuromoji's FST of surfaces as it ships, in hexadecimal. */
    private static String kuromojiChecksum() throws IOException {
        CRC32C crc = new CRC32C();
        try (InputStream in = kuromojiStream()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                crc.update(buffer, 0, n);
            }
        }
        return Long.toHexString(crc.getValue());
    }

    private static InputStream kuromojiStream() {
        return TokenInfoDictionary.class.getClassLoader().getResourceAsStream(KUROMOJI + "$fst.dat");
    }

    /** Kuromoji's FST of surfaces as it ships. */
    static FST<Long> kuromojiSurfaces() throws IOException {
        return read(kuromojiStream());
    }

    /** An FST of surfaces as Kuromoji stores it (its metadata, then its bytes). */
    static FST<Long> read(InputStream stream) throws IOException {
        try (InputStream in = new BufferedInputStream(stream)) {
            DataInput data = new InputStreamDataInput(in);
            return new FST<>(FST.readMetadata(data, PositiveIntOutputs.getSingleton()), data);
        }
    }

    /** The same entries and outputs, compiled without direct addressing. */
    static FST<Long> rebuilt(FST<Long> surfaces) throws IOException {
        FSTCompiler<Long> compiler = new FSTCompiler.Builder<>(FST.INPUT_TYPE.BYTE2, PositiveIntOutputs.getSingleton())
                .directAddressingMaxOversizingFactor(0f)
                .build();
        IntsRefFSTEnum<Long> entries = new IntsRefFSTEnum<>(surfaces);
        for (IntsRefFSTEnum.InputOutput<Long> e = entries.next(); e != null; e = entries.next()) {
            compiler.add(e.input, e.output);
        }
        return FST.fromFSTReader(compiler.compile(), compiler.getFSTReader());
    }

    /**
     * Build step: writes the rebuilt FST to {@code args[0]} and the checksum of its source beside it ({@link #SOURCE}),
     * each through a temporary file in the directory {@code args[1]} (on the same file system, outside the classes).
     */
    public static void main(String[] args) throws IOException {
        Path target = Path.of(args[0]).toAbsolutePath();
        Path scratch = Path.of(args[1]);
        Files.createDirectories(target.getParent());
        Files.createDirectories(scratch);
        write(scratch, target.resolveSibling(SOURCE), out -> out.write(kuromojiChecksum().getBytes(StandardCharsets.US_ASCII)));
        write(scratch, target, out -> {
            OutputStreamDataOutput data = new OutputStreamDataOutput(out);
            rebuilt(kuromojiSurfaces()).save(data, data);
        });
    }

    private interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static void write(Path scratch, Path target, Content content) throws IOException {
        Path tmp = Files.createTempFile(scratch, target.getFileName().toString(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                content.writeTo(out);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
