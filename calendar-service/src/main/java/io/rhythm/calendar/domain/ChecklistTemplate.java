package io.rhythm.calendar.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A checklist as data (seed 000's Appendix A and B, {@code checklists/*.json}): items with a phase,
 * owner roles and a due date relative to the checklist's anchor date.
 */
public record ChecklistTemplate(String template, int version, String name, String anchor, String rule, List<Item> items) {

    public static final String NPS_CYCLE = "NPS_CYCLE";
    public static final String ACCOUNT_PLAN = "ACCOUNT_PLAN";
    /** The deliverables an operating-rhythm event lists, due on its last day. */
    public static final String EVENT_DELIVERABLES = "EVENT_DELIVERABLES";

    public record Item(String code, String phase, String title, int offsetDays, Set<String> ownerRoles) {

        public LocalDate dueOn(LocalDate anchor) {
            return anchor.plusDays(offsetDays);
        }
    }

    /** The items of one kind (Appendix B's ANNUAL or QUARTERLY components); all items when kind is null. */
    public List<Item> itemsOf(String kind) {
        return kind == null ? items : items.stream().filter(i -> kind.equals(i.phase())).toList();
    }
}
