package org.interdict.gateway.nation;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A nation the platform knows: a coalition member or a non-member partner, active or suspended. */
@Entity
@Table(name = "nation")
public class Nation extends PanacheEntityBase {

    @Id
    @Column(length = 3)
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public boolean member;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
