package corpus.androidtaint.componentinput;

import android.content.ContentProvider;
import android.content.ContentValues;
import android.database.Cursor;
import android.database.sqlite.SQLiteDatabase;
import android.net.Uri;
import android.os.ParcelFileDescriptor;

import java.io.File;
import java.io.FileNotFoundException;

/** Exported: other apps query it with their own selection and URIs. */
public class RecordsProvider extends ContentProvider {
    private SQLiteDatabase db;

    @Override
    public boolean onCreate() {
        db = SQLiteDatabase.openOrCreateDatabase(new File(getContext().getFilesDir(), "records.db"), null);
        return true;
    }

    @Override
    public Cursor query(Uri uri, String[] projection, String selection, String[] selectionArgs, String sortOrder) {
        return db.query("patient", projection, selection, selectionArgs, null, null, sortOrder); // BUG: java/sql-injection
    }

    @Override
    public int delete(Uri uri, String selection, String[] selectionArgs) {
        // the id from the URI, as a bound argument: safe
        return db.delete("patient", "id = ?", new String[] {uri.getLastPathSegment()});
    }

    @Override
    public int update(Uri uri, ContentValues values, String selection, String[] selectionArgs) {
        return db.update("patient", values, "id = " + uri.getLastPathSegment(), null); // BUG: java/sql-injection
    }

    @Override
    public ParcelFileDescriptor openFile(Uri uri, String mode) throws FileNotFoundException {
        File file = new File(getContext().getFilesDir(), uri.getLastPathSegment());
        return ParcelFileDescriptor.open(file, ParcelFileDescriptor.MODE_READ_ONLY); // BUG: java/path-traversal
    }

    @Override
    public Uri insert(Uri uri, ContentValues values) {
        return null;
    }

    @Override
    public String getType(Uri uri) {
        return "vnd.android.cursor.item/patient";
    }
}
