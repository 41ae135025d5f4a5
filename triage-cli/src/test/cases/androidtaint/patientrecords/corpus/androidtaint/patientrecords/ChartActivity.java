package corpus.androidtaint.patientrecords;

import android.app.Activity;
import android.content.Intent;
import android.content.SharedPreferences;
import android.database.Cursor;
import android.database.sqlite.SQLiteDatabase;
import android.os.Bundle;
import android.telephony.SmsManager;
import android.util.Log;

import org.json.JSONException;
import org.json.JSONObject;

import java.io.File;
import java.io.FileWriter;
import java.io.IOException;

import okhttp3.OkHttpClient;
import okhttp3.Request;

/** Shows a patient's chart: where its protected health information goes. */
public class ChartActivity extends Activity {
    private static final String TAG = "Chart";

    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        Patient p = load(getIntent().getStringExtra("patient"));
        Log.d(TAG, "opened chart of " + p.getName()); // BUG: android/sensitive-data-logged
        Log.d(TAG, "visits: " + p.getVisitCount());
        SmsManager.getDefault().sendTextMessage("+15550100", null, "Result: " + p.getDiagnosis(), null, null); // BUG: android/sensitive-data-sms
        SmsManager.getDefault().sendTextMessage("+15550100", null, "Your results are ready", null, null);
        // the app's own back end may receive the chart, but not in the URL: query strings land in access logs
        new OkHttpClient().newCall(new Request.Builder().url("https://ehr.example.org/charts?dx=" + p.getDiagnosis()).build()); // BUG: java/phi-in-url
        Intent share = new Intent(Intent.ACTION_SEND);
        share.putExtra(Intent.EXTRA_TEXT, "born " + p.getDateOfBirth());
        startActivity(share); // BUG: android/implicit-intent-leak
        cache(getIntent().getStringExtra("record"));
        export(openOrCreateDatabase("chart.db", MODE_PRIVATE, null));
    }

    private Patient load(String json) {
        try {
            JSONObject o = new JSONObject(json);
            return new Patient(o.getString("name"), o.getString("dob"), o.getString("diagnosis"), o.getInt("visits"));
        } catch (JSONException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private void cache(String json) {
        try {
            JSONObject o = new JSONObject(json);
            SharedPreferences.Editor prefs = getSharedPreferences("chart", MODE_PRIVATE).edit();
            prefs.putString("dx", o.getString("diagnosis")); // BUG: android/cleartext-storage
            prefs.putString("status", o.getString("status"));
            prefs.apply();
        } catch (JSONException e) {
            Log.w(TAG, "bad record", e);
        }
    }

    private void export(SQLiteDatabase db) {
        Cursor c = db.rawQuery("SELECT ssn, ward FROM patient", null);
        try (FileWriter out = new FileWriter(new File(getExternalFilesDir(null), "export.csv"))) {
            while (c.moveToNext()) {
                out.write(c.getString(c.getColumnIndexOrThrow("ssn"))); // BUG: android/external-storage
                out.write(c.getString(c.getColumnIndexOrThrow("ward")));
            }
        } catch (IOException e) {
            Log.w(TAG, "export failed", e);
        } finally {
            c.close();
        }
    }
}
