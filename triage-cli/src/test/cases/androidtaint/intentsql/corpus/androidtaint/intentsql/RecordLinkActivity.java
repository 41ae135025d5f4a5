package corpus.androidtaint.intentsql;

import android.app.Activity;
import android.database.sqlite.SQLiteDatabase;
import android.net.Uri;
import android.os.Bundle;

/** Opened by records://open?id=... links from any browser or app. */
public class RecordLinkActivity extends Activity {
    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        SQLiteDatabase db = openOrCreateDatabase("records.db", MODE_PRIVATE, null);
        Uri link = getIntent().getData();
        String id = link.getQueryParameter("id");
        db.rawQuery("SELECT * FROM patient WHERE id = " + id, null).close(); // BUG: java/sql-injection
        Records.deleteSafely(db, link.getLastPathSegment());
    }
}
