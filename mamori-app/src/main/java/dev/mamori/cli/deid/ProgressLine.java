package dev.mamori.cli.deid;

import dev.mamori.cli.Lang;
import dev.mamori.cli.Progress;
import dev.mamori.deid.Output;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The progress line of a de-identification run: one bar per pass over the input ("1/2", "2/2"). */
final class ProgressLine implements Output.Progress, AutoCloseable {

    private final Progress bar;
    private final Path input;
    private final long size;

    ProgressLine(Progress bar, Path input) {
        this.bar = bar;
        this.input = input;
        long s;
        try {
            s = Files.size(input);
        } catch (IOException e) {
            s = -1;
        }
        this.size = s;
    }

    /** Where the run writes, telling this line how far it has come. */
    Output output(Path file, boolean bom) {
        return new Output(file, bom, this);
    }

    @Override
    public void pass(int n, int of) {
        bar.start(of == 1 ? input.toString() : input + Lang.tr(" (" + n + "/" + of + " 回目)", " (pass " + n + "/" + of + ")"), size);
    }

    @Override
    public void bytes(long bytes) {
        bar.advance(bytes);
    }

    @Override
    public void close() {
        bar.done();
    }
}
