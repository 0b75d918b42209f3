package io.rhythm.nps.domain;

/**
 * Who delivers a cycle's survey (issue 17; seed 000 Appendix A runs it in HubSpot: "Upload validated list to HubSpot",
 * "NPS survey deployed via HubSpot").
 *
 * <ul>
 *   <li>{@link #RHYTHM} (the default): Rhythm e-mails the invitations and the day-6 reminders itself.</li>
 *   <li>{@link #EXTERNAL}: HubSpot (or another tool, named in {@code deliveryTool}) sends them. Rhythm sends no
 *       invitation and no reminder (409, and the scan does not remind); it exports the validated list and the
 *       non-responder pulls as HubSpot contact-import CSV, takes the day-5/12 snapshots, and accepts imported and
 *       webhook answers until the cycle closes.</li>
 *   <li>Either way, the cycle closes at the end of its close date (UTC) unless someone extends it; a cycle becomes
 *       EXTERNAL only while open and before Rhythm has sent any invitation of it (409 otherwise).</li>
 * </ul>
 */
public enum Delivery {
    RHYTHM,
    EXTERNAL
}
