package db.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.server.db.Search;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Columns the dataset lists read: how many items a dataset has and whether one holds 個人番号 (instead of reading
 * every dataset's items, JSON), and the text a search looks in (name, purpose and system, lower-cased, as
 * {@link dev.mamori.server.db.Search#text} makes it: one column instead of three expressions). Filled here from the
 * stored datasets; the server keeps them on every save. In Java because neither H2 nor PostgreSQL can read the items
 * JSON with the same SQL, and so that the search text is made by the server's own code.
 */
public class V7__dataset_list_columns extends BaseJavaMigration {

    /** The search text's length: name (200), purpose (4,000) and system (200) with the two line breaks fit. */
    public static final int SEARCH_MAX = 4402;

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("alter table dataset add column item_count integer");
            s.execute("alter table dataset add column my_number boolean");
            s.execute("alter table dataset add column search_text varchar(" + SEARCH_MAX + ")");
        }
        ObjectMapper json = new ObjectMapper();
        try (Statement read = c.createStatement();
             PreparedStatement write = c.prepareStatement("update dataset set item_count = ?, my_number = ?, search_text = ? where id = ?")) {
            read.setFetchSize(1000);
            int batched = 0;
            try (ResultSet rs = read.executeQuery("select id, items_json, name, purpose, system_name from dataset")) {
                while (rs.next()) {
                    JsonNode items = json.readTree(rs.getString(2));
                    boolean myNumber = false;
                    for (JsonNode item : items) {
                        for (JsonNode type : item.path("types")) {
                            myNumber |= "MY_NUMBER".equals(type.asText());
                        }
                    }
                    write.setInt(1, items.size());
                    write.setBoolean(2, myNumber);
                    write.setString(3, Search.text(SEARCH_MAX, rs.getString(3), rs.getString(4), rs.getString(5)));
                    write.setLong(4, rs.getLong(1));
                    write.addBatch();
                    if (++batched % 1000 == 0) {
                        write.executeBatch();
                    }
                }
            }
            write.executeBatch();
        }
        try (Statement s = c.createStatement()) {
            s.execute("alter table dataset alter column item_count set not null");
            s.execute("alter table dataset alter column my_number set not null");
            s.execute("alter table dataset alter column search_text set not null");
        }
    }
}
