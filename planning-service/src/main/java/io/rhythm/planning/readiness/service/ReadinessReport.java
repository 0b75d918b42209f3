package io.rhythm.planning.readiness.service;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.rhythm.planning.readiness.api.AssessmentView;
import io.rhythm.planning.readiness.domain.Snapshot;
import io.rhythm.platform.events.payload.Money;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The printable report of an assessment: XHTML with the six deliverables, and the same rendered to PDF with
 * openhtmltopdf (PDFBox). DejaVu Sans is embedded (subset) so that names with macrons, accents, Vietnamese
 * diacritics and apostrophes (Māori, Nguyễn, Ó Súilleabháin) print as written.
 */
@ApplicationScoped
public class ReadinessReport {

    private static final String FONT = "DejaVu Sans";

    public String html(AssessmentView a) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html><html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"UTF-8\"/>")
                .append("<title>").append(esc("Client Relations Readiness Assessment: " + a.scopeLabel())).append("</title><style>")
                .append("body{font-family:'").append(FONT).append("',sans-serif;font-size:10pt;color:#222}")
                .append("h1{font-size:16pt}h2{font-size:13pt;margin-top:14pt;border-bottom:1px solid #999}")
                .append("table{border-collapse:collapse;width:100%;margin:4pt 0}td,th{border:1px solid #bbb;padding:2pt 4pt;")
                .append("text-align:left;vertical-align:top}th{background:#eee}.muted{color:#666}")
                .append("@page{size:A4;margin:16mm}</style></head><body>");
        h.append("<h1>Client Relations &amp; Account Management Readiness Assessment</h1><p>")
                .append(esc(a.scopeLabel())).append(" · ").append(a.clientCount()).append(" clients · as of ").append(a.asOf())
                .append(" · by ").append(esc(a.createdBy())).append("</p>");

        AssessmentView.ExecutiveSummary s = a.executiveSummary();
        h.append("<h2>1) Executive Summary</h2><ul><li>Overall maturity: ").append(level(s.overall())).append("</li>")
                .append("<li>Retention risk: ").append(s.atRiskAccounts()).append(" accounts at risk (").append(money(s.retentionRiskExposure()))
                .append(" ARR); ").append(s.renewalsIn90Days()).append(" renewals in the next 90 days</li><li>Top improvements: <ol>");
        s.topPriorities().forEach(p -> h.append("<li>").append(esc(p)).append("</li>"));
        h.append("</ol></li></ul><p class=\"muted\">").append(esc(a.roundingRule())).append("</p>");

        // findings on a row of their own: a long finding beside the name would interleave their lines in the PDF text
        h.append("<h2>2) Dimension Scorecard</h2><table><tr><th>Dimension</th><th style=\"width:28%\">Score</th></tr>");
        for (AssessmentView.DimensionScore d : a.scorecard()) {
            h.append("<tr><td><b>").append(esc(d.name())).append("</b></td><td>").append(level(d.level())).append("</td></tr>")
                    .append("<tr><td colspan=\"2\">").append(esc(String.join("; ", d.findings()))).append("</td></tr>");
        }
        h.append("</table><table><tr><th>Criterion</th><th>Proposed</th><th>Score</th><th>Status</th><th>Evidence / reason</th></tr>");
        a.scorecard().forEach(d -> d.criteria().forEach(c -> h.append("<tr><td>").append(c.code()).append(" ").append(esc(c.text()))
                .append("</td><td>").append(c.proposedScore() == null ? "–" : c.proposedScore()).append("</td><td>")
                .append(c.score() == null ? "–" : c.score()).append("</td><td>").append(c.status()).append("</td><td>")
                .append(esc(c.evidence())).append(c.reason() == null ? "" : "<br/>" + esc(c.decidedBy() + ": " + c.reason()))
                .append("</td></tr>")));
        h.append("</table>");

        Snapshot.Dashboard dash = a.accountHealthDashboard();
        h.append("<h2>3) Account Health Dashboard</h2><table><tr><th>Tier</th><th>Green</th><th>Yellow</th><th>Red</th><th>Unscored</th></tr>");
        for (String tier : List.of("strategic", "growth", "standard")) {
            h.append("<tr><td>").append(tier).append("</td>");
            dash.cells().stream().filter(c -> c.tier().equals(tier)).forEach(c -> h.append("<td>").append(c.accounts())
                    .append(c.accounts() == 0 ? "" : " (" + money(c.arr()) + ")").append("</td>"));
            h.append("</tr>");
        }
        h.append("</table><p>At-risk accounts (").append(dash.atRiskAccounts().size()).append(", ").append(money(dash.atRiskArr()))
                .append(" ARR): ").append(esc(names(dash.atRiskAccounts()))).append("</p><p>Renewals in 90 days (")
                .append(dash.renewalsIn90Days().size()).append(", ").append(money(dash.renewalArr())).append(" ARR): ")
                .append(esc(dash.renewalsIn90Days().stream().map(r -> r.name() + " " + r.renewalDate()).collect(Collectors.joining(", "))))
                .append("</p><p>Expansion pipeline: ").append(dash.expansionSignals()).append(" expansion signal(s)</p>");

        h.append("<h2>4) Stakeholder Map (top 5 accounts by ARR)</h2><table><tr><th>Account</th><th>ARR</th><th>Key contacts</th><th>Relationship depth</th></tr>");
        for (Snapshot.StakeholderAccount m : a.stakeholderMap()) {
            h.append("<tr><td>").append(esc(m.name())).append("</td><td>").append(m.arr() == null ? "–" : money(List.of(m.arr())))
                    .append("</td><td>").append(esc(m.contacts().stream().map(c -> c.name() + (c.title() == null ? "" : " (" + c.title() + ")")
                            + (c.roles().isEmpty() ? "" : " " + c.roles())).collect(Collectors.joining("; "))))
                    .append("</td><td>").append(esc(m.relationshipDepth())).append("</td></tr>");
        }
        h.append("</table><p class=\"muted\">Engagement frequency and relationship strength need engagement data this report does not hold yet.</p>");

        Snapshot.IssueLog log = a.issueLog();
        h.append("<h2>5) Issue &amp; Escalation Log</h2><table><tr><th>Account</th><th>Issue</th><th>Severity</th><th>Owner</th>")
                .append("<th>Status</th><th>Days open</th><th>SLA</th></tr>");
        for (Snapshot.Issue i : log.openIssues()) {
            h.append("<tr><td>").append(esc(i.clientName())).append("</td><td>").append(esc(i.type() + (i.reason() == null ? "" : ": " + i.reason())))
                    .append("</td><td>").append(esc(i.severity())).append("</td><td>").append(esc(i.owner())).append("</td><td>")
                    .append(esc(i.status())).append("</td><td>").append(i.daysOpen()).append("</td><td>")
                    .append(i.slaBreached() ? "breached" : "ok").append("</td></tr>");
        }
        h.append("</table><p>SLA compliance: ").append(log.slaCompliancePercent() == null ? "no closed issues yet" : log.slaCompliancePercent() + " %")
                .append("; recurring themes: ").append(esc(log.recurringThemes().isEmpty() ? "none"
                        : log.recurringThemes().stream().map(t -> t.theme() + " (" + t.accounts() + " accounts)").collect(Collectors.joining(", "))))
                .append("</p>");

        AssessmentView.Plan p = a.plan();
        h.append("<h2>6) 30/60/90-Day Retention &amp; Growth Plan</h2>");
        list(h, "30 days", p.days30());
        list(h, "60 days", p.days60());
        list(h, "90 days", p.days90());
        h.append("<table><tr><th>Metric</th><th>Current</th><th>Target</th></tr>");
        p.metrics().forEach(m -> h.append("<tr><td>").append(esc(m.name())).append("</td><td>").append(esc(m.current()))
                .append("</td><td>").append(esc(m.target())).append("</td></tr>"));
        h.append("</table></body></html>");
        return h.toString();
    }

    public byte[] pdf(String xhtml) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> ReadinessReport.class.getResourceAsStream("/fonts/DejaVuSans.ttf"), FONT, 400,
                    BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(() -> ReadinessReport.class.getResourceAsStream("/fonts/DejaVuSans-Bold.ttf"), FONT, 700,
                    BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the readiness report", e);
        }
    }

    private static void list(StringBuilder h, String title, List<String> items) {
        h.append("<p><b>").append(title).append("</b></p><ul>");
        items.forEach(i -> h.append("<li>").append(esc(i)).append("</li>"));
        h.append("</ul>");
    }

    private static String level(AssessmentView.Level level) {
        return level == null ? "unassessed" : level.score() + " (" + level.maturity() + ")";
    }

    private static String names(List<Snapshot.Account> accounts) {
        return accounts.stream().map(Snapshot.Account::name).collect(Collectors.joining(", "));
    }

    private static String money(List<Money> amounts) {
        return amounts.isEmpty() ? "0" : amounts.stream().map(m -> m.currency() + " " + m.amount()).collect(Collectors.joining(" + "));
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
