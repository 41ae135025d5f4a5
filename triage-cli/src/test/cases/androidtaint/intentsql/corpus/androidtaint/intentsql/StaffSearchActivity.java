package corpus.androidtaint.intentsql;

import android.app.Activity;
import android.database.sqlite.SQLiteDatabase;
import android.os.Bundle;

/** Not reachable by other apps: its intents come from this app (or apps holding a signature permission). */
public class StaffSearchActivity extends Activity {
    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        SQLiteDatabase db = openOrCreateDatabase("records.db", MODE_PRIVATE, null);
        String name = getIntent().getStringExtra("name");
        db.rawQuery("SELECT * FROM patient WHERE name = '" + name + "'", null).close();
        db.execSQL("DELETE FROM visit WHERE ward = " + getIntent().getExtras().getString("ward"));
    }
}
