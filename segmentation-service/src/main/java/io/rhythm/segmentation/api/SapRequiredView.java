package io.rhythm.segmentation.api;

import io.rhythm.platform.events.payload.Money;

import java.util.List;

/** Clients in Maintain, Nurture or Sleeping Giants (a page of them), with the count and revenue of all of them. */
public record SapRequiredView(List<AssignmentListItem> items, String nextCursor, int clients, Money totalRevenue) {
}
