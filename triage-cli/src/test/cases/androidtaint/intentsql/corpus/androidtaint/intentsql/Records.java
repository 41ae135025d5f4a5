package corpus.androidtaint.intentsql;

import android.database.sqlite.SQLiteDatabase;

final class Records {
    private Records() {
    }

    static void delete(SQLiteDatabase db, String id) {
        db.delete("patient", "id = " + id, null); // BUG: java/sql-injection
    }

    static void deleteSafely(SQLiteDatabase db, String id) {
        db.delete("patient", "id = ?", new String[] {id});
    }
}
