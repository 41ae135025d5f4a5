package corpus.androidtaint.clipboard;

import android.app.Activity;
import android.content.ClipData;
import android.content.ClipboardManager;
import android.content.Context;
import android.database.sqlite.SQLiteDatabase;
import android.os.Bundle;

/** Searches the notes for what the user pasted: text another app may have put on the clipboard. */
public class PasteSearchActivity extends Activity {
    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        SQLiteDatabase db = openOrCreateDatabase("notes.db", MODE_PRIVATE, null);
        ClipboardManager clipboard = (ClipboardManager) getSystemService(Context.CLIPBOARD_SERVICE);
        ClipData clip = clipboard.getPrimaryClip();
        String pasted = clip.getItemAt(0).getText().toString();
        db.rawQuery("SELECT * FROM note WHERE body LIKE '%" + pasted + "%'", null).close(); // BUG: java/sql-injection
        db.rawQuery("SELECT * FROM note WHERE body LIKE ?", new String[] {"%" + pasted + "%"}).close();
    }
}
