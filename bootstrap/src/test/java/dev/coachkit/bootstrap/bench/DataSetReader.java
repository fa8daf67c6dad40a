package dev.coachkit.bootstrap.bench;

import dev.coachkit.bootstrap.bench.DataSet.Member;
import dev.coachkit.bootstrap.bench.DataSet.Post;
import dev.coachkit.bootstrap.bench.DataSet.Space;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads back what bench-data.sql loaded, on the loading connection (its temp tables number tenants and members). */
final class DataSetReader {

    /** The newest live posts answered per tenant. */
    static final int POSTS_PER_TENANT = 20;

    private final Connection connection;

    DataSetReader(Connection connection) {
        this.connection = connection;
    }

    DataSet.Counts counts() throws SQLException {
        return new DataSet.Counts(count("SELECT count(*) FROM tenants"), count("SELECT count(*) FROM accounts"),
                count("SELECT count(*) FROM spaces"), count("SELECT count(*) FROM space_members"),
                count("SELECT count(*) FROM posts"), count("SELECT count(*) FROM comments"),
                count("SELECT count(*) FROM availability_slots"), count("SELECT count(*) FROM sessions"),
                count("SELECT count(*) FROM sessions WHERE status = 'CANCELLED'"));
    }

    /** The tenants in load order, with members and spaces by number. */
    List<DataSet.Tenant> tenants() throws SQLException {
        Map<UUID, List<UUID>> spaceMembers = groups("""
                SELECT r.space_id, r.account_id FROM bench_roster r ORDER BY r.space_id, r.idx""");
        Map<UUID, List<Post>> posts = new LinkedHashMap<>();
        query("""
                SELECT tenant_id, id, space_id FROM (
                    SELECT p.tenant_id, p.id, p.space_id, row_number() OVER (PARTITION BY p.tenant_id
                           ORDER BY p.created_at DESC, p.id DESC) AS newest
                      FROM posts p WHERE p.deleted_at IS NULL) ranked
                 WHERE newest <= %d ORDER BY tenant_id, newest""".formatted(POSTS_PER_TENANT),
                row -> posts.computeIfAbsent(uuid(row, 1), tenant -> new ArrayList<>())
                        .add(new Post(uuid(row, 2), uuid(row, 3))));
        Map<UUID, List<Space>> spaces = new LinkedHashMap<>();
        query("""
                SELECT s.tenant_id, s.space_id, s.is_private, m.account_id
                  FROM bench_spaces s JOIN bench_members m ON m.tenant_no = s.tenant_no AND m.member_no = s.owner_no
                 ORDER BY s.tenant_no, s.space_no""",
                row -> spaces.computeIfAbsent(uuid(row, 1), tenant -> new ArrayList<>()).add(new Space(uuid(row, 2),
                        row.getBoolean(3), uuid(row, 4), List.copyOf(spaceMembers.get(uuid(row, 2))))));
        Map<UUID, List<Member>> members = new LinkedHashMap<>();
        query("SELECT tenant_id, account_id, email FROM bench_members ORDER BY tenant_no, member_no",
                row -> members.computeIfAbsent(uuid(row, 1), tenant -> new ArrayList<>())
                        .add(new Member(uuid(row, 2), row.getString(3))));
        List<DataSet.Tenant> tenants = new ArrayList<>();
        query("SELECT b.tenant_id, t.name, s.coaches FROM bench_tenants b JOIN tenants t ON t.id = b.tenant_id,"
                + " bench_scale s ORDER BY b.tenant_no", row -> {
                    UUID tenant = uuid(row, 1);
                    List<Member> everyone = members.get(tenant);
                    int coaches = row.getInt(3);
                    tenants.add(new DataSet.Tenant(tenant, row.getString(2), everyone.get(0),
                            everyone.subList(1, 1 + coaches), everyone.subList(1 + coaches, everyone.size()),
                            spaces.get(tenant), posts.getOrDefault(tenant, List.of())));
                });
        return tenants;
    }

    private Map<UUID, List<UUID>> groups(String sql) throws SQLException {
        Map<UUID, List<UUID>> groups = new LinkedHashMap<>();
        query(sql, row -> groups.computeIfAbsent(uuid(row, 1), key -> new ArrayList<>()).add(uuid(row, 2)));
        return groups;
    }

    private long count(String sql) throws SQLException {
        long[] count = new long[1];
        query(sql, row -> count[0] = row.getLong(1));
        return count[0];
    }

    private void query(String sql, RowHandler handler) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                handler.handle(rows);
            }
        }
    }

    private static UUID uuid(ResultSet row, int column) throws SQLException {
        return row.getObject(column, UUID.class);
    }

    @FunctionalInterface
    private interface RowHandler {
        void handle(ResultSet row) throws SQLException;
    }
}
