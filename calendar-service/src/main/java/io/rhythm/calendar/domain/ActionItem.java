package io.rhythm.calendar.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

/** Something agreed at a held activity: who does what by when. */
@Entity
@Table(name = "activity_action_item")
public class ActionItem extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "activity_id")
    public UUID activityId;
    public String description;
    public String owner;
    @Column(name = "due_on")
    public LocalDate dueOn;
    public String status;
    public int position;
}
