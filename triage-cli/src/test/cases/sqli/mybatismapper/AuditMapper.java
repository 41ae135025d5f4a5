package corpus.sqli.mybatismapper;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.SelectProvider;
import org.apache.ibatis.annotations.Update;

import java.util.List;
import java.util.Map;

/** Audit-log mapper written with statement annotations and a provider. */
@Mapper
public interface AuditMapper {
    @Select("SELECT * FROM ${table} WHERE patient_id = #{patientId}")
    List<Map<String, Object>> fromTable(@Param("table") String table, @Param("patientId") String patientId);

    @Select("SELECT * FROM audit WHERE actor = #{actor}")
    List<Map<String, Object>> byActor(@Param("actor") String actor);

    @Update({"UPDATE audit SET note = '${note}'", "WHERE id = #{id}"})
    int annotate(@Param("id") long id, @Param("note") String note);

    @Select({"<script>SELECT * FROM audit", "<where><if test='action != null'>action = #{action}</if></where>",
            "ORDER BY ${order}</script>"})
    List<Map<String, Object>> scripted(@Param("action") String action, @Param("order") String order);

    @SelectProvider(type = AuditSqlProvider.class, method = "byAction")
    List<Map<String, Object>> byAction(String action);

    @SelectProvider(type = AuditSqlProvider.class, method = "byActionBound")
    List<Map<String, Object>> byActionBound(String action);
}
