package dev.mamori.detect;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * faster (IpadicTest compares the two).
 */
final class Ipadic {
    /** Beside this class; written at build time by {@link #main}. */
    static final String RESOURCE = "ipadic-surfaces.fst";
    private static final String KUROMOJI = "org/apache/lucene/analysis/ja/dict/TokenInfoDictionary";

    private Ipadic() {
    }

    /** The dictionary with the rebuilt index, or Kuromoji's own when the build did not write it (a class run from sources). */
    static final TokenInfoDictionary DICTIONARY = load();

    /** A tokenizer as {@code new JapaneseTokenizer(null, true, Mode.NORMAL)} builds it, over {@link #DICTIONARY}. */
    static JapaneseTokenizer tokenizer() {
        return new JapaneseTokenizer(JapaneseTokenizer.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, DICTIONARY,
                UnknownDictionary.getInstance(), ConnectionCosts.getInstance(), null, true, true, JapaneseTokenizer.Mode.NORMAL);
    }

    private static TokenInfoDictionary load() {
        URL surfaces = Ipadic.class.getResource(RESOURCE);
        if (surfaces == null) {
            return TokenInfoDictionary.getInstance();
        }
        ClassLoader kuromoji = TokenInfoDictionary.class.getClassLoader();
        try {
            return new TokenInfoDictionary(kuromoji.getResource(KUROMOJI + "$targetMap.dat"),
                    kuromoji.getResource(KUROMOJI + "$posDict.dat"), kuromoji.getResource(KUROMOJI + "$buffer.dat"), surfaces);
        } catch (IOException e) {
            throw new UncheckedIOException("Kuromoji's dictionary could not be read from the class path", e);
        }
    }

    /** Kuromoji's FST of surfaces as it ships. */
    static FST<Long> kuromojiSurfaces() throws IOException {
        return read(TokenInfoDictionary.class.getClassLoader().getResourceAsStream(KUROMOJI + "$fst.dat"));
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

    /** Build step: writes the rebuilt FST to {@code args[0]} (through a temporary file beside it). */
    public static void main(String[] args) throws IOException {
        Path target = Path.of(args[0]);
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), RESOURCE, ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            OutputStreamDataOutput data = new OutputStreamDataOutput(out);
            rebuilt(kuromojiSurfaces()).save(data, data);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
