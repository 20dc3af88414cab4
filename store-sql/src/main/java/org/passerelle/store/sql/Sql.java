package org.passerelle.store.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.passerelle.xml.Element;
import org.passerelle.xml.XmlFragment;
import org.passerelle.xml.XmlLimits;
import org.passerelle.xml.XmlStreamException;

/** Prepared-statement shorthands for the stores: bind the arguments, run, map the rows. */
final class Sql {
    private Sql() {
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Runs an INSERT, UPDATE or DELETE; returns the rows changed. */
    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    static <T> List<T> list(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) out.add(row.map(rs));
                return out;
            }
        }
    }

    static <T> Optional<T> first(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            ps.setMaxRows(1);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row.map(rs)) : Optional.empty();
            }
        }
    }

    /** Stored XML passed the server's limits when it arrived; reading it back must not refuse it. */
    private static final XmlLimits STORED = new XmlLimits(Integer.MAX_VALUE, 10_000, 10_000);

    /** Parses XML text the store wrote; {@code what} names the row in the error if it cannot be read. */
    static Element xml(String text, String what) throws SQLException {
        try {
            return XmlFragment.parse(text, STORED);
        } catch (XmlStreamException e) {
            throw new SQLException(what + " is not readable XML: " + e.getMessage(), e);
        }
    }

    /** {@code ?, ?, ?} for an IN list of n values. */
    static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private static void bind(PreparedStatement ps, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            int p = i + 1;
            switch (args[i]) {
                case null -> ps.setNull(p, Types.VARCHAR); // only text columns are nullable
                case String s -> ps.setString(p, s);
                case Long l -> ps.setLong(p, l);
                case Integer n -> ps.setInt(p, n);
                case Boolean b -> ps.setBoolean(p, b);
                default -> throw new IllegalArgumentException("unsupported SQL argument " + args[i].getClass());
            }
        }
    }
}
