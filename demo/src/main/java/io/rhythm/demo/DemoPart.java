package io.rhythm.demo;

import java.util.Map;

/** What every part of the demo load works with: the gateway client, the generated portfolio and its clients' ids. */
abstract class DemoPart {

    protected final DemoLoader api;
    protected final DemoPortfolio.Portfolio portfolio;
    /** Client id by the client's demo key. */
    protected final Map<String, String> ids;

    DemoPart(DemoLoader api, DemoPortfolio.Portfolio portfolio, Map<String, String> ids) {
        this.api = api;
        this.portfolio = portfolio;
        this.ids = ids;
    }
}
