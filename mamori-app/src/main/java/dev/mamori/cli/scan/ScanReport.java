package dev.mamori.cli.scan;

import dev.mamori.detect.FileReport;
import dev.mamori.detect.LocatedFinding;
import dev.mamori.detect.PiiType;
import dev.mamori.table.ReadProblem;
import java.util.Set;

/** Renders a scan as it happens: findings stream in, then each file's report. */
interface ScanReport {
    void begin(Set<PiiType> types);

    void finding(LocatedFinding f);

    void problem(ReadProblem p);

    void file(FileReport r);

    void skipped(String file, String reason);

    void unreadable(String file, String message);

    void end(Outcome outcome);
}
