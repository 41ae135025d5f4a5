package corpus.androidtaint.personaldata;

import android.content.ContentValues;
import android.content.Context;
import android.database.sqlite.SQLiteDatabase;
import android.health.connect.HealthConnectException;
import android.health.connect.HealthConnectManager;
import android.health.connect.ReadRecordsRequestUsingFilters;
import android.health.connect.ReadRecordsResponse;
import android.health.connect.datatypes.StepsRecord;
import android.os.OutcomeReceiver;
import android.telephony.SmsManager;
import android.util.Log;

import com.android.volley.Request;
import com.android.volley.RequestQueue;
import com.android.volley.toolbox.JsonObjectRequest;
import com.android.volley.toolbox.Volley;

import org.json.JSONException;
import org.json.JSONObject;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;

/** Reads step counts from Health Connect. */
final class StepsReader implements OutcomeReceiver<ReadRecordsResponse<StepsRecord>, HealthConnectException> {
    private final Context context;
    private final SQLiteDatabase db;

    StepsReader(Context context, SQLiteDatabase db) {
        this.context = context;
        this.db = db;
    }

    void start() {
        HealthConnectManager hc = context.getSystemService(HealthConnectManager.class);
        hc.readRecords(new ReadRecordsRequestUsingFilters.Builder<>(StepsRecord.class).build(), context.getMainExecutor(), this);
    }

    @Override
    public void onResult(ReadRecordsResponse<StepsRecord> response) {
        for (StepsRecord r : response.getRecords()) {
            long steps = r.getCount();
            Log.d("Steps", "walked " + steps); // BUG: android/sensitive-data-logged
            Log.d("Steps", "record read");
            ContentValues v = new ContentValues();
            v.put("steps", steps);
            db.insert("activity", null, v); // BUG: android/cleartext-storage
            JSONObject body = new JSONObject();
            try {
                body.put("steps", steps);
            } catch (JSONException e) {
                throw new IllegalStateException(e);
            }
            RequestQueue queue = Volley.newRequestQueue(context);
            queue.add(new JsonObjectRequest(Request.Method.POST, "https://api.example.org/steps", body, null, null)); // BUG: android/sensitive-data-network
            queue.add(new JsonObjectRequest(Request.Method.POST, "https://api.example.org/ping", new JSONObject(), null, null));
            SmsManager.getDefault().sendTextMessage("+15550100", null, steps + " steps today", null, null); // BUG: android/sensitive-data-sms
            try (FileOutputStream out = new FileOutputStream(new File(context.getExternalFilesDir(null), "steps.txt"))) {
                out.write(String.valueOf(steps).getBytes()); // BUG: android/external-storage
            } catch (IOException e) {
                Log.w("Steps", "cannot save", e);
            }
        }
    }

    @Override
    public void onError(HealthConnectException error) {
        Log.w("Steps", "read failed", error);
    }
}
