package corpus.androidtaint.intentsql;

import android.app.Activity;
import android.database.sqlite.SQLiteDatabase;
import android.database.sqlite.SQLiteQueryBuilder;
import android.os.Bundle;

/** Exported, but every value from the intent is a bound argument. */
public class BoundSearchActivity extends Activity {
    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        SQLiteDatabase db = openOrCreateDatabase("records.db", MODE_PRIVATE, null);
        String ward = getIntent().getStringExtra("ward");
        db.query("visit", new String[] {"id", "ward"}, "ward = ?", new String[] {ward}, null, null, "id").close();
        db.delete("visit", "ward = ?", new String[] {ward});
        SQLiteQueryBuilder qb = new SQLiteQueryBuilder();
        qb.setTables("visit");
        qb.appendWhere("ward = ");
        qb.appendWhereEscapeString(ward);
        qb.query(db, null, null, null, null, null, null).close();
    }
}
