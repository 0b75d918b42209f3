package io.rhythm.segmentation.domain;

import java.math.BigDecimal;

/**
 * What the classifier knows of one client: the mean of its NPS answers in the model's window (0–10, null without
 * answers) and how many there were, its latest health score (0–100, null when unscored), its annual maintenance
 * revenue (null when unknown) and the whole portfolio's (for the SHARE basis).
 */
public record ClassifierInput(BigDecimal npsAverage, int npsResponses, BigDecimal healthScore, BigDecimal revenue,
                              BigDecimal portfolioRevenue) {
}
