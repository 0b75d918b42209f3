package io.rhythm.planning.api;

import io.rhythm.planning.service.PortfolioQuery;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.problem.FieldError;
import io.rhythm.platform.web.problem.Problem;
import io.rhythm.platform.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

@Path("/api/v1/plans/metrics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Account plans")
public class MetricsResource {

    private static final Set<String> SEGMENTS = Set.of("MAINTAIN", "LEVERAGE", "NURTURE", "COLLABORATE", "SLEEPING_GIANTS", "GIANTS");

    @Inject
    PortfolioQuery portfolio;
    @ConfigProperty(name = "rhythm.plans.conversion-rate", defaultValue = "0.35")
    BigDecimal defaultConversion;

    @GET
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Portfolio pipeline versus attrition", description = "From the plans' opportunity and risk registers "
            + "in the caller's portfolio (CSE/CAM: their clients): weighted and unweighted open pipeline (total, per client, "
            + "per opportunity owner), realistic new revenue = weighted pipeline × conversionRate (seed 000's figure), confirmed "
            + "and at-risk attrition per fiscal-year label, realistic new revenue minus confirmed attrition, coverage, the "
            + "risk-adjusted forecast (maintenance − confirmed − weighted at-risk + realistic new) and GRR/NRR per fiscal-year "
            + "label. Money in one currency (default AUD), rounded once. Filters: owner (a CSE/CAM's clients), segment, "
            + "fiscalYear (the plans' fiscal year).")
    @APIResponse(responseCode = "200", description = "The figures", content = @Content(schema = @Schema(implementation = MetricsView.class)))
    @APIResponse(responseCode = "400", description = "Bad filter or conversion rate", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or bad token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not read financial figures (marketing, integration)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MetricsView metrics(
            @Parameter(description = "0-1, at most 4 decimals; default 0.35") @QueryParam("conversionRate") String conversionRate,
            @QueryParam("owner") String owner,
            @Parameter(description = "MAINTAIN, LEVERAGE, NURTURE, COLLABORATE, SLEEPING_GIANTS, GIANTS") @QueryParam("segment") String segment,
            @Parameter(description = "e.g. FY2026") @QueryParam("fiscalYear") String fiscalYear,
            @Parameter(description = "ISO 4217, default AUD") @QueryParam("currency") String currency) {
        List<FieldError> errors = new ArrayList<>();
        BigDecimal rate = defaultConversion;
        if (conversionRate != null) {
            try {
                rate = new BigDecimal(conversionRate.strip());
                if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0 || rate.stripTrailingZeros().scale() > 4) {
                    errors.add(new FieldError("conversionRate", "must be between 0 and 1 with at most 4 decimals"));
                }
            } catch (NumberFormatException e) {
                errors.add(new FieldError("conversionRate", "must be a decimal number such as 0.35"));
            }
        }
        if (owner != null && (owner.isBlank() || owner.length() > 100)) {
            errors.add(new FieldError("owner", "must be a username of at most 100 characters"));
        }
        String seg = segment == null ? null : segment.strip().toUpperCase(Locale.ROOT).replace(' ', '_');
        if ("SLEEPING_GIANT".equals(seg)) {
            seg = "SLEEPING_GIANTS";
        } else if ("GIANT".equals(seg)) {
            seg = "GIANTS";
        }
        if (seg != null && !SEGMENTS.contains(seg)) {
            errors.add(new FieldError("segment", "must be one of " + String.join(", ", new java.util.TreeSet<>(SEGMENTS))));
        }
        if (fiscalYear != null && !fiscalYear.matches("FY\\d{2}(\\d{2})?")) {
            errors.add(new FieldError("fiscalYear", "must be a fiscal-year label such as FY2026"));
        }
        String cur = currency == null ? "AUD" : currency;
        if (!cur.matches("[A-Z]{3}")) {
            errors.add(new FieldError("currency", "must be an ISO 4217 code such as AUD"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return MetricsView.of(portfolio.metrics(new PortfolioQuery.Scope(owner, seg, fiscalYear, cur), rate), cur);
    }
}
