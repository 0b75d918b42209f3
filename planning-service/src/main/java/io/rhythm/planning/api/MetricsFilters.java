package io.rhythm.planning.api;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query parameters the portfolio metrics and their per-client pages share (validated by the resource). */
public class MetricsFilters {

    @Parameter(description = "0-1, at most 4 decimals; default 0.35")
    @QueryParam("conversionRate")
    public String conversionRate;

    @Parameter(description = "A CSE/CAM whose clients are taken")
    @QueryParam("owner")
    public String owner;

    @Parameter(description = "MAINTAIN, LEVERAGE, NURTURE, COLLABORATE, SLEEPING_GIANTS, GIANTS")
    @QueryParam("segment")
    public String segment;

    @Parameter(description = "e.g. FY2026")
    @QueryParam("fiscalYear")
    public String fiscalYear;

    @Parameter(description = "ISO 4217, default AUD")
    @QueryParam("currency")
    public String currency;

    @Parameter(description = "YYYY-MM-DD; default today. A past date reads the registers' history")
    @QueryParam("asOf")
    public String asOf;
}
