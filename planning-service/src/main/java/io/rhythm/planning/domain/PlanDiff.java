package io.rhythm.planning.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** What changed between two snapshots of a plan ("what changed since the last review"). */
public record PlanDiff(List<FieldChange> plan, List<RowChange> rows) {

    public record FieldChange(String field, String from, String to) {
    }

    /** A register row added, removed or changed (with its changed fields). */
    public record RowChange(String register, String id, String change, String label, List<FieldChange> fields) {
    }

    public static PlanDiff between(PlanSnapshot from, PlanSnapshot to) {
        List<RowChange> rows = new ArrayList<>();
        TreeSet<String> registers = new TreeSet<>(from.registers().keySet());
        registers.addAll(to.registers().keySet());
        for (String register : registers) {
            Map<String, Map<String, String>> before = from.registers().getOrDefault(register, Map.of());
            Map<String, Map<String, String>> after = to.registers().getOrDefault(register, Map.of());
            TreeSet<String> ids = new TreeSet<>(before.keySet());
            ids.addAll(after.keySet());
            for (String id : ids) {
                Map<String, String> a = before.get(id);
                Map<String, String> b = after.get(id);
                if (a == null) {
                    rows.add(new RowChange(register, id, "ADDED", label(b), fields(Map.of(), b)));
                } else if (b == null) {
                    rows.add(new RowChange(register, id, "REMOVED", label(a), List.of()));
                } else {
                    List<FieldChange> changed = fields(a, b);
                    if (!changed.isEmpty()) {
                        rows.add(new RowChange(register, id, "CHANGED", label(b), changed));
                    }
                }
            }
        }
        return new PlanDiff(fields(from.plan(), to.plan()), rows);
    }

    private static List<FieldChange> fields(Map<String, String> a, Map<String, String> b) {
        TreeSet<String> names = new TreeSet<>(a.keySet());
        names.addAll(b.keySet());
        List<FieldChange> changes = new ArrayList<>();
        for (String name : names) {
            if (!Objects.equals(a.get(name), b.get(name))) {
                changes.add(new FieldChange(name, a.get(name), b.get(name)));
            }
        }
        return changes;
    }

    private static String label(Map<String, String> row) {
        return row.getOrDefault("name", row.getOrDefault("description", null));
    }
}
