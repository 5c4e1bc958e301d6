package org.interdict.registry.vessel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.interdict.registry.designation.Designation;

/**
 * Inserts vessels that are not in the persistence context, with their names, past identities and designations, as
 * one {@code INSERT ... SELECT FROM unnest(...)} per table: a list import creates hundreds at once, and persisting
 * them as entities spent most of the import's time in Hibernate's flush (cascades, action queue, a bound value per
 * column and row) rather than in the database. The rows go on the session's connection, in its transaction. The
 * vessels are not managed afterwards: the caller changes them no further.
 */
@ApplicationScoped
public class NewVessels {

    private static final Table<Vessel> VESSELS = new Table<Vessel>("vessel")
            .column("imo", "text", v -> v.imo)
            .column("name", "text", v -> v.name)
            .column("name_since", "timestamptz", v -> v.nameSince)
            .column("flag", "text", v -> v.flag)
            .column("flag_since", "timestamptz", v -> v.flagSince)
            .column("mmsi", "text", v -> v.mmsi)
            .column("call_sign", "text", v -> v.callSign)
            .column("vessel_type", "text", v -> v.type)
            .column("gross_tonnage", "integer", v -> v.grossTonnage)
            .column("build_year", "integer", v -> v.buildYear)
            .column("owner", "text", v -> v.owner)
            .column("owner_since", "timestamptz", v -> v.ownerSince)
            .column("operator", "text", v -> v.operator)
            .column("operator_since", "timestamptz", v -> v.operatorSince)
            .column("version", "bigint", v -> v.version)
            .column("created_at", "timestamptz", v -> v.createdAt)
            .column("updated_at", "timestamptz", v -> v.updatedAt);

    private static final Table<VesselName> NAMES = new Table<VesselName>("vessel_name")
            .column("id", "uuid", n -> n.id)
            .column("imo", "text", n -> n.vessel.imo)
            .column("name", "text", n -> n.name)
            .column("normalized", "text", n -> n.normalized);

    private static final Table<PastIdentity> PAST = new Table<PastIdentity>("past_identity")
            .column("id", "uuid", p -> p.id)
            .column("imo", "text", p -> p.vessel.imo)
            .column("attribute", "text", p -> p.attribute.name())
            .column("value", "text", p -> p.value)
            .column("valid_from", "timestamptz", p -> p.validFrom)
            .column("valid_to", "timestamptz", p -> p.validTo)
            .column("reported_by", "text", p -> p.reportedBy)
            .column("recorded_at", "timestamptz", p -> p.recordedAt);

    private static final Table<Designation> DESIGNATIONS = new Table<Designation>("designation")
            .column("id", "uuid", d -> d.id)
            .column("imo", "text", d -> d.vessel.imo)
            .column("authority", "text", d -> d.authority)
            .column("reference", "text", d -> d.reference)
            .column("listed_on", "date", d -> d.listedOn)
            .column("basis", "text", d -> d.basis)
            .column("recorded_by", "text", d -> d.recordedBy)
            .column("recorded_at", "timestamptz", d -> d.recordedAt)
            .column("delisted_on", "date", d -> d.delistedOn)
            .column("delisted_by", "text", d -> d.delistedBy);

    @Inject
    EntityManager entityManager;

    /** Inserts these new vessels (no incidents yet) and what they hold, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(List<Vessel> vessels) {
        if (vessels.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            VESSELS.insert(connection, vessels);
            NAMES.insert(connection, vessels.stream().flatMap(v -> v.names.stream()).toList());
            PAST.insert(connection, vessels.stream().flatMap(v -> v.pastIdentities.stream()).toList());
            DESIGNATIONS.insert(connection, vessels.stream().flatMap(v -> v.designations.stream()).toList());
        });
    }

    /**
     * A table's columns, each with its SQL type and how a row's value is read. Every column is sent as a text array
     * (values in their ISO forms) and cast back in the statement, so one statement carries any number of rows.
     */
    private static final class Table<T> {

        private record Column<T>(String name, String type, Function<T, Object> value) {
        }

        private final String name;
        private final List<Column<T>> columns = new ArrayList<>();

        Table(String name) {
            this.name = name;
        }

        Table<T> column(String column, String type, Function<T, Object> value) {
            columns.add(new Column<>(column, type, value));
            return this;
        }

        void insert(Connection connection, List<T> rows) throws SQLException {
            if (rows.isEmpty()) {
                return;
            }
            try (PreparedStatement insert = connection.prepareStatement(sql())) {
                for (int c = 0; c < columns.size(); c++) {
                    Function<T, Object> value = columns.get(c).value();
                    String[] values = new String[rows.size()];
                    for (int r = 0; r < values.length; r++) {
                        Object v = value.apply(rows.get(r));
                        values[r] = v == null ? null : v.toString();
                    }
                    insert.setArray(c + 1, connection.createArrayOf("text", values));
                }
                insert.executeUpdate();
            }
        }

        private String sql() {
            StringBuilder names = new StringBuilder();
            StringBuilder casts = new StringBuilder();
            StringBuilder arrays = new StringBuilder();
            for (Column<T> column : columns) {
                String separator = names.isEmpty() ? "" : ", ";
                names.append(separator).append(column.name());
                casts.append(separator).append("u.").append(column.name()).append("::").append(column.type());
                arrays.append(separator).append("?::text[]");
            }
            return "INSERT INTO " + name + " (" + names + ") SELECT " + casts + " FROM unnest(" + arrays + ") AS u("
                    + names + ")";
        }
    }
}
