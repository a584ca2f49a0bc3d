package dev.mamori.risk;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Re-identification risk of a table, from its equivalence classes (records equal on all QI columns).
 *
 * @param records                records analysed
 * @param classes                equivalence classes
 * @param minClassSize           smallest class size: the k the table is k-anonymous for (0 if empty)
 * @param classSizes             class size → number of classes of that size, ascending
 * @param uniqueShare            share of records alone in their class
 * @param highestProsecutorRisk  1 / smallest class size
 * @param averageProsecutorRisk  classes / records (the mean over records of 1 / class size)
 * @param riskThreshold          the threshold the next figure counts against
 * @param recordsAboveThreshold  records whose risk 1 / class size exceeds the threshold
 * @param distinctL              per sensitive column, the fewest distinct values in any class
 */
public record RiskReport(int records, int classes, int minClassSize, SortedMap<Integer, Integer> classSizes,
                         double uniqueShare, double highestProsecutorRisk, double averageProsecutorRisk,
                         double riskThreshold, int recordsAboveThreshold, Map<String, Integer> distinctL) {

    public RiskReport {
        classSizes = Collections.unmodifiableSortedMap(new TreeMap<>(classSizes));
        distinctL = Collections.unmodifiableMap(new LinkedHashMap<>(distinctL));
    }
}
