package io.rhythm.planning.domain;

import java.util.Map;
import java.util.TreeMap;

/**
 * A plan as it stood at a review: its own fields and each register's rows, every value as text, so
 * that two snapshots compare field by field ({@link PlanDiff}).
 *
 * @param registers register name (opportunities, risks, stakeholders) → row id → field → value
 */
public record PlanSnapshot(Map<String, String> plan, Map<String, Map<String, Map<String, String>>> registers) {

    public PlanSnapshot {
        plan = new TreeMap<>(plan);
        TreeMap<String, Map<String, Map<String, String>>> sorted = new TreeMap<>();
        registers.forEach((name, rows) -> {
            TreeMap<String, Map<String, String>> r = new TreeMap<>();
            rows.forEach((id, fields) -> r.put(id, new TreeMap<>(fields)));
            sorted.put(name, r);
        });
        registers = sorted;
    }
}
