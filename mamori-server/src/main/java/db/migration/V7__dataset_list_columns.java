package db.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Two columns the dataset lists read instead of each dataset's items (JSON): how many items it has and whether one
 * holds 個人番号. Filled here from the stored items; the server keeps them on every save. In Java because neither H2
 * nor PostgreSQL can read the items JSON with the same SQL.
 */
public class V7__dataset_list_columns extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("alter table dataset add column item_count integer");
            s.execute("alter table dataset add column my_number boolean");
        }
        ObjectMapper json = new ObjectMapper();
        try (Statement read = c.createStatement();
             PreparedStatement write = c.prepareStatement("update dataset set item_count = ?, my_number = ? where id = ?")) {
            read.setFetchSize(1000);
            int batched = 0;
            try (ResultSet rs = read.executeQuery("select id, items_json from dataset")) {
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
                    write.setLong(3, rs.getLong(1));
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
        }
    }
}
