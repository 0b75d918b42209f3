package io.rhythm.planning.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One action of a Satisfaction Action Plan, with the seed template's fields. */
@Entity
@Table(name = "sap_action")
public class SapAction extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "sap_id")
    public UUID sapId;
    public String description;
    @Column(name = "business_function")
    public String businessFunction;
    /** People accountable, comma separated. */
    public String accountable;
    public String timeframe;
    @Column(name = "due_date")
    public LocalDate dueDate;
    @Column(name = "success_criteria")
    public String successCriteria;
    @Column(name = "measurement_method")
    public String measurementMethod;
    /** Review dates, comma-separated ISO dates. */
    @Column(name = "review_dates")
    public String reviewDates;
    @Enumerated(EnumType.STRING)
    public CriterionAssessment assessment;
    @Column(name = "assessment_note")
    public String assessmentNote;
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
}
