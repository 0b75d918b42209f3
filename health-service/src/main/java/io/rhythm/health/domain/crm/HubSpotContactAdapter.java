package io.rhythm.health.domain.crm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a row of a HubSpot contact export: {@code hs_object_id} (CSV: {@code Record ID}) identifies
 * the contact; {@code associatedcompanyid} is its company's HubSpot id, i.e. the client whose external
 * id for source {@code hubspot} it is; {@code firstname} + {@code lastname} (else the email) is the
 * name; {@code email}, {@code jobtitle}, and the optional {@code department}. {@code hs_email_optout}
 * or {@code unsubscribed} true marks the contact unsubscribed (false never re-subscribes one).
 */
public final class HubSpotContactAdapter {

    public AdaptedContact read(Map<String, ?> row) {
        List<RowProblem> problems = new ArrayList<>();
        String id = CrmRows.text(row, "hs_object_id") != null ? CrmRows.text(row, "hs_object_id") : CrmRows.text(row, "Record ID");
        if (id == null) {
            problems.add(new RowProblem("hs_object_id", "is required (or Record ID)"));
        }
        String company = CrmRows.required(row, "associatedcompanyid", problems);
        String email = CrmRows.email(row, "email", problems);
        String name = CrmRows.personName(CrmRows.limited(row, "firstname", 100, problems),
                CrmRows.limited(row, "lastname", 100, problems));
        if (name == null) {
            name = email;
        }
        if (name == null && problems.stream().noneMatch(p -> p.field().equals("email"))) {
            problems.add(new RowProblem("firstname", "give firstname/lastname or an email: the contact needs a name"));
        }
        String title = CrmRows.limited(row, "jobtitle", 200, problems);
        String department = CrmRows.limited(row, "department", 200, problems);
        boolean optedOut = CrmRows.flag(row, "hs_email_optout", problems) | CrmRows.flag(row, "unsubscribed", problems);
        if (!problems.isEmpty()) {
            return AdaptedContact.rejected(problems);
        }
        return AdaptedContact.of(new ContactUpsert(HubSpotCompanyAdapter.SOURCE, id, company, "associatedcompanyid", name, email,
                title, department, optedOut));
    }
}
