package dev.mamori.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.StageInfo;

/** Each completed Spark stage's figures (for the benchmark): wall time, bytes read, shuffle bytes, peak task memory. */
final class StageFigures extends SparkListener {

    /** One stage. */
    record Stage(int id, String name, int tasks, long wallMs, long inputBytes, long shuffleWriteBytes, long shuffleReadBytes,
                 long peakExecutionMemory, long executorRunMs) {
    }

    private final List<Stage> stages = new ArrayList<>();

    @Override
    public synchronized void onStageCompleted(SparkListenerStageCompleted e) {
        StageInfo s = e.stageInfo();
        var m = s.taskMetrics();
        long wall = s.submissionTime().isDefined() && s.completionTime().isDefined()
                ? (Long) s.completionTime().get() - (Long) s.submissionTime().get() : -1;
        String name = s.name().replaceAll(" at [A-Za-z]+\\.java:\\d+", "");
        stages.add(new Stage(s.stageId(), name, s.numTasks(), wall, m == null ? 0 : m.inputMetrics().bytesRead(),
                m == null ? 0 : m.shuffleWriteMetrics().bytesWritten(), m == null ? 0 : m.shuffleReadMetrics().totalBytesRead(),
                m == null ? 0 : m.peakExecutionMemory(), m == null ? 0 : m.executorRunTime()));
    }

    synchronized List<Stage> stages() {
        return List.copyOf(stages);
    }
}
