package io.rhythm.health.domain.crm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a row of a Salesforce Contact export: {@code Id}, {@code AccountId} (the client whose external
 * id for source {@code salesforce} it is), {@code FirstName}, {@code LastName} (required, as in
 * Salesforce), {@code Email}, {@code Title}, {@code Department}; {@code HasOptedOutOfEmail} true marks
 * the contact unsubscribed (false never re-subscribes one).
 */
public final class SalesforceContactAdapter {

    public AdaptedContact read(Map<String, ?> row) {
        List<RowProblem> problems = new ArrayList<>();
        String id = salesforceId(row, "Id", problems);
        String account = salesforceId(row, "AccountId", problems);
        String firstName = CrmRows.limited(row, "FirstName", 100, problems);
        String lastName = CrmRows.required(row, "LastName", 100, problems);
        String email = CrmRows.email(row, "Email", problems);
        String title = CrmRows.limited(row, "Title", 200, problems);
        String department = CrmRows.limited(row, "Department", 200, problems);
        boolean optedOut = CrmRows.flag(row, "HasOptedOutOfEmail", problems);
        if (!problems.isEmpty()) {
            return AdaptedContact.rejected(problems);
        }
        return AdaptedContact.of(new ContactUpsert(SalesforceAccountAdapter.SOURCE, id, account, "AccountId",
                CrmRows.personName(firstName, lastName), email, title, department, optedOut));
    }

    private static String salesforceId(Map<String, ?> row, String field, List<RowProblem> problems) {
        String id = CrmRows.required(row, field, problems);
        if (id != null && !id.matches("[A-Za-z0-9]{15}([A-Za-z0-9]{3})?")) {
            problems.add(new RowProblem(field, "'" + id + "' is not a Salesforce id (15 or 18 characters)"));
        }
        return id;
    }
}
