package io.rhythm.planning.api;

import io.rhythm.planning.domain.Segments;
import io.rhythm.planning.service.PortfolioQuery;
import io.rhythm.platform.web.paging.Page;
import io.rhythm.platform.web.paging.PageRequest;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.problem.FieldError;
import io.rhythm.platform.web.problem.Problem;
import io.rhythm.platform.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
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
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

@Path("/api/v1/plans/metrics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Account plans")
public class MetricsResource {

    static final int DEFAULT_CLIENTS = 20;
    static final int MAX_CLIENTS = 200;

    @Inject
    PortfolioQuery portfolio;
    @ConfigProperty(name = "rhythm.plans.conversion-rate", defaultValue = "0.35")
    BigDecimal defaultConversion;
    @ConfigProperty(name = "rhythm.fiscal-year.start-month", defaultValue = "7")
    int fiscalYearStart;
    @Inject
    Clock clock;

    @GET
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Portfolio pipeline versus attrition", description = "From the plans' opportunity and risk registers "
            + "in the caller's portfolio (CSE/CAM: their clients): weighted and unweighted open pipeline (total, per client, "
            + "per opportunity owner), realistic new revenue = weighted pipeline × conversionRate (seed 000's figure), confirmed "
            + "and at-risk attrition per fiscal-year label, realistic new revenue minus confirmed attrition, coverage, the "
            + "risk-adjusted forecast (maintenance − confirmed − weighted at-risk + realistic new) and GRR/NRR per fiscal-year "
            + "label. Money in one currency (default AUD), rounded once. Filters: owner (a CSE/CAM's clients), segment, "
            + "fiscalYear (the plans' fiscal year). asOf=YYYY-MM-DD reads the registers as they stood at the end of that day "
            + "(UTC): plans, opportunities and risks created by then, each opportunity at its stage and probability of the "
            + "stage history and each risk at its status, probability, amount and label of the risk history by then "
            + "(opportunity values and maintenance revenue have no history and are read as they are now); fiscalYears maps "
            + "every label to its dates under rhythm.fiscal-year.start-month and says whether it is past, current or future "
            + "on asOf. byClient lists the first clients (parameter clients, default 20, at most 200; 0: none) with open pipeline, "
            + "weighted pipeline descending then client id; byClientTotal counts them all and byClientRest sums the others; "
            + "every client: GET /api/v1/plans/metrics/clients.")
    @APIResponse(responseCode = "200", description = "The figures", content = @Content(schema = @Schema(implementation = MetricsView.class)))
    @APIResponse(responseCode = "400", description = "Bad filter, conversion rate or clients", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or bad token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not read financial figures (marketing, integration)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MetricsView metrics(
            @BeanParam MetricsFilters filters,
            @Parameter(description = "0-" + MAX_CLIENTS + ", default " + DEFAULT_CLIENTS + ": how many clients byClient "
                    + "lists (weighted pipeline descending, then client id)") @QueryParam("clients") Integer clients) {
        List<FieldError> errors = new ArrayList<>();
        int top = clients == null ? DEFAULT_CLIENTS : clients;
        if (top < 0 || top > MAX_CLIENTS) {
            errors.add(new FieldError("clients", "must be between 0 and " + MAX_CLIENTS));
        }
        Filters f = filters(filters, errors);
        return MetricsView.of(portfolio.metrics(f.scope(), f.rate(), f.before(), top), f.scope().currency(), f.day(),
                f.before() != null, fiscalYearStart);
    }

    @GET
    @Path("/clients")
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Portfolio pipeline per client", description = "Every client with open pipeline in the caller's "
            + "portfolio (CSE/CAM: their clients) and the filters' scope, with its open opportunities, weighted and "
            + "unweighted open pipeline and realistic new revenue (weighted × conversionRate): the whole per-client "
            + "breakdown of GET /api/v1/plans/metrics (whose byClient is its first page), in the same order (weighted "
            + "pipeline descending, then client id). The pages add up to the metrics' totals (each amount rounded once, "
            + "so a sum of rounded amounts may differ from the rounded total by cents). Same filters and asOf as the "
            + "metrics. Cursor paging (?limit=1-200&cursor=).")
    @APIResponse(responseCode = "200", description = "A page of clients")
    @APIResponse(responseCode = "400", description = "Bad filter, conversion rate, limit or cursor", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or bad token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not read financial figures (marketing, integration)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<MetricsView.ClientPipeline> clients(
            @BeanParam MetricsFilters filters,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        List<FieldError> errors = new ArrayList<>();
        PageRequest page = null;
        try {
            page = PageRequest.of(limit, cursor);
        } catch (ApiException e) {
            errors.addAll(e.errors());
        }
        Filters f = filters(filters, errors);
        Page<PortfolioQuery.ClientSums> rows = portfolio.clients(f.scope(), f.before(), page);
        String cur = f.scope().currency();
        return rows.map(c -> MetricsView.ClientPipeline.of(c, f.rate(), cur));
    }

    /** The metrics' filters, validated: the scope, the conversion rate, the day and (a past day) the time read as of. */
    private record Filters(PortfolioQuery.Scope scope, BigDecimal rate, LocalDate day, Instant before) {
    }

    /** @throws ApiException 400 with every field error (those in {@code errors} already and the filters') */
    private Filters filters(MetricsFilters query, List<FieldError> errors) {
        String conversionRate = query.conversionRate;
        String owner = query.owner;
        String segment = query.segment;
        String fiscalYear = query.fiscalYear;
        String currency = query.currency;
        String asOf = query.asOf;
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
        String seg = segment == null ? null : Segments.canonical(segment).orElse(null);
        if (segment != null && seg == null) {
            errors.add(new FieldError("segment", "must be one of " + Segments.allowed()));
        }
        if (fiscalYear != null && !fiscalYear.matches("FY\\d{2}(\\d{2})?")) {
            errors.add(new FieldError("fiscalYear", "must be a fiscal-year label such as FY2026"));
        }
        String cur = currency == null ? "AUD" : currency;
        if (!cur.matches("[A-Z]{3}")) {
            errors.add(new FieldError("currency", "must be an ISO 4217 code such as AUD"));
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate day = today;
        if (asOf != null) {
            try {
                day = LocalDate.parse(asOf);
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("asOf", "must be a date YYYY-MM-DD"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        Instant endOfDay = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return new Filters(new PortfolioQuery.Scope(owner, seg, fiscalYear, cur), rate, day,
                endOfDay.isBefore(clock.instant()) ? endOfDay : null);
    }
}
