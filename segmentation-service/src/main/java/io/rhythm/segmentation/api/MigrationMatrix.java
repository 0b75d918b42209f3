package io.rhythm.segmentation.api;

import io.rhythm.platform.events.payload.Money;

import java.util.List;

/**
 * Clients moving between segments: one cell per (from, to) pair with clients (the diagonal: those who stayed), with
 * their count, revenue and the clients themselves. {@code UNASSIGNED} stands for no segment.
 */
public record MigrationMatrix(String fromLabel, String toLabel, int clients, int moved, Money movedRevenue, List<Cell> cells) {

    public record Cell(String from, String to, int clients, Money revenue, List<ClientRef> clientList) {
    }

    public record ClientRef(String clientId, String name, Money revenue) {
    }
}
