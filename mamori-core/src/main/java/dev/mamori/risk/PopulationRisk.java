package dev.mamori.risk;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-identification risk against a population (El Emam's journalist and marketer risks): the
 * sample is a subset of a known population, and an attacker matches a released record against the
 * population's equivalence class of the same quasi-identifier values.
 *
 * @param journalistRisk     highest risk: 1 / the smallest population class among the sample's classes
 * @param marketerRisk       expected share of records matched correctly: (1/n) Σ f_j / F_j
 * @param classesNotInPopulation sample classes the population table lacks (taken as F = f: no safer than the sample)
 */
public record PopulationRisk(double journalistRisk, double marketerRisk, int classesNotInPopulation) {

    /**
     * @param population the population's class sizes, keyed by the quasi-identifier values in
     *                   {@code quasiIdentifiers} order
     */
    public static PopulationRisk of(Dataset sample, List<String> quasiIdentifiers, Map<List<String>, Long> population) {
        int[] cols = quasiIdentifiers.stream().mapToInt(sample::column).toArray();
        Map<List<String>, Integer> f = new HashMap<>();
        for (String[] r : sample.rows()) {
            String[] k = new String[cols.length];
            for (int j = 0; j < cols.length; j++) {
                k[j] = r[cols[j]];
            }
            f.merge(List.of(k), 1, Integer::sum);
        }
        Tally t = new Tally();
        for (Map.Entry<List<String>, Integer> e : f.entrySet()) {
            Long big = population.get(e.getKey());
            t.add(e.getValue(), big == null ? -1 : big);
        }
        return t.result();
    }

    /**
     * The risks summed class by class, wherever the classes are counted (here, or by a distributed join in
     * {@code mamori spark risk}). Mutable, one thread.
     */
    public static final class Tally {
        private double highest;
        private double expected;
        private int missing;
        private long records;

        /**
         * @param sampleSize     the class's size f in the sample
         * @param populationSize its size F in the population table, or a negative number when the table lacks it
         */
        public void add(long sampleSize, long populationSize) {
            if (populationSize < 0) {
                missing++;
            }
            long classSize = Math.max(sampleSize, populationSize);
            highest = Math.max(highest, 1.0 / classSize);
            expected += (double) sampleSize / classSize;
            records += sampleSize;
        }

        public PopulationRisk result() {
            return new PopulationRisk(highest, records == 0 ? 0 : expected / records, missing);
        }
    }
}
