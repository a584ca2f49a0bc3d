package dev.mamori.spark;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;

/**
 * What the {@code mamori spark} commands share: the common options, and a session started after the options are
 * checked and stopped when the command ends (unless it was running already, as in the tests).
 */
abstract class SparkCommand implements Callable<Integer> {

    @CommandLine.Mixin
    SparkMain.Common common = new SparkMain.Common();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Checks the options and prepares what needs no Spark, before a session starts (nothing by default). */
    void before() throws IOException {
    }

    /** The command's work; its exit code. */
    abstract int run(SparkSession spark) throws IOException;

    @Override
    public final Integer call() throws IOException {
        before();
        SparkSession spark = common.session(spec.name());
        try {
            return run(spark);
        } finally {
            common.stop(spark);
        }
    }
}
