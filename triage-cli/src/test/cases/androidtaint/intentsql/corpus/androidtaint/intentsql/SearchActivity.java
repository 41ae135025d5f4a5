package corpus.androidtaint.intentsql;

import android.app.Activity;
import android.content.Intent;
import android.database.Cursor;
import android.database.sqlite.SQLiteDatabase;
import android.os.Bundle;

/** Exported: any app can start it with any extras. */
public class SearchActivity extends Activity {
    private SQLiteDatabase db;

    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        db = openOrCreateDatabase("records.db", MODE_PRIVATE, null);
        String name = getIntent().getStringExtra("name");
        Cursor c = db.rawQuery("SELECT * FROM patient WHERE name = '" + name + "'", null); // BUG: java/sql-injection
        c.close();
        Bundle extras = getIntent().getExtras();
        String ward = extras.getString("ward");
        db.execSQL("DELETE FROM visit WHERE ward = " + ward); // BUG: java/sql-injection
        purge(getIntent());
        // the same extra used as a bound argument: safe
        Cursor safe = db.rawQuery("SELECT * FROM patient WHERE name = ?", new String[] {name});
        safe.close();
        int limit = getIntent().getIntExtra("limit", 10);
        Cursor numeric = db.rawQuery("SELECT * FROM patient LIMIT " + limit, null);
        numeric.close();
    }

    @Override
    protected void onNewIntent(Intent intent) {
        super.onNewIntent(intent);
        String order = intent.getStringExtra("order");
        db.query("patient", null, null, null, null, null, order).close(); // BUG: java/sql-injection
    }

    private void purge(Intent intent) {
        String id = intent.getStringExtra("id");
        Records.delete(db, id);
    }
}
