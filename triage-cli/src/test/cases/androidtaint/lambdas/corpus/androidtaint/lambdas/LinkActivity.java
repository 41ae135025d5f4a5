package corpus.androidtaint.lambdas;

import android.app.Activity;
import android.database.sqlite.SQLiteDatabase;
import android.location.Location;
import android.location.LocationManager;
import android.os.Bundle;
import android.os.Handler;
import android.os.Looper;
import android.util.Log;
import android.view.View;
import android.widget.Button;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/** Work handed to lambdas, method references and listeners, as D8 desugars them into synthetic classes. */
public class LinkActivity extends Activity {
    private final Executor io = Executors.newSingleThreadExecutor();
    private SQLiteDatabase db;

    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        db = openOrCreateDatabase("links.db", MODE_PRIVATE, null);
        String tag = getIntent().getStringExtra("tag");
        io.execute(() -> db.execSQL("INSERT INTO tag VALUES('" + tag + "')")); // BUG: java/sql-injection
        String fixed = "inbox";
        io.execute(() -> db.execSQL("INSERT INTO tag VALUES('" + fixed + "')"));
        Consumer<String> remover = this::remove;
        remover.accept(getIntent().getStringExtra("id"));
        List.of("a", "b").forEach(this::remove);
        Button save = new Button(this);
        String note = getIntent().getStringExtra("note");
        save.setOnClickListener(new View.OnClickListener() {
            @Override
            public void onClick(View v) {
                db.execSQL("UPDATE note SET text = '" + note + "'"); // BUG: java/sql-injection
            }
        });
        save.setOnClickListener(v -> db.execSQL("UPDATE note SET text = 'saved'"));
        LocationManager lm = getSystemService(LocationManager.class);
        Location here = lm.getLastKnownLocation(LocationManager.NETWORK_PROVIDER);
        new Handler(Looper.getMainLooper()).post(() -> Log.d("Links", "near " + here)); // BUG: android/sensitive-data-logged
        new Handler(Looper.getMainLooper()).post(() -> Log.d("Links", "posted"));
    }

    private void remove(String id) {
        db.execSQL("DELETE FROM link WHERE id = " + id); // BUG: java/sql-injection
    }
}
