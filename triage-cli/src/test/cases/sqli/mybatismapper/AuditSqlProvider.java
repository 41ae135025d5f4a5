package corpus.sqli.mybatismapper;

/** SQL built in Java for AuditMapper's provider statements. */
public class AuditSqlProvider {
    public String byAction(String action) {
        return "SELECT * FROM audit WHERE action = '" + action + "'";
    }

    public String byActionBound(String action) {
        return "SELECT * FROM audit WHERE action = #{action}";
    }
}
