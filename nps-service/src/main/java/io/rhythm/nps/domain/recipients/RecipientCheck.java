package io.rhythm.nps.domain.recipients;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides, for one contact, whether a cycle emails them and what the list owner must look at. A contact
 * is included only with a valid email and a subscription; a missing role is reported but does not
 * exclude anyone.
 */
public final class RecipientCheck {

    /** Local part, @, a domain with at least one dot and a TLD of 2+ letters; no spaces. */
    private static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[A-Za-z]{2,}$");

    private RecipientCheck() {
    }

    public record Verdict(boolean included, Set<RecipientIssue> issues) {
    }

    public static Verdict check(String email, boolean subscribed, String title, List<String> stakeholderRoles) {
        Set<RecipientIssue> issues = EnumSet.noneOf(RecipientIssue.class);
        if (email == null || email.isBlank()) {
            issues.add(RecipientIssue.MISSING_EMAIL);
        } else if (!EMAIL.matcher(email.strip()).matches()) {
            issues.add(RecipientIssue.INVALID_EMAIL);
        }
        if (!subscribed) {
            issues.add(RecipientIssue.UNSUBSCRIBED);
        }
        if ((title == null || title.isBlank()) && (stakeholderRoles == null || stakeholderRoles.isEmpty())) {
            issues.add(RecipientIssue.NO_ROLE);
        }
        boolean included = !issues.contains(RecipientIssue.MISSING_EMAIL) && !issues.contains(RecipientIssue.INVALID_EMAIL)
                && !issues.contains(RecipientIssue.UNSUBSCRIBED);
        return new Verdict(included, issues);
    }
}
