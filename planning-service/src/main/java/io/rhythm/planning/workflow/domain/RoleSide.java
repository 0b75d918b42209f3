package io.rhythm.planning.workflow.domain;

/** Whether a workflow role is held inside the company (a realm role) or by the client (completed through a link). */
public enum RoleSide {
    INTERNAL, CLIENT
}
