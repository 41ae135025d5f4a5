package corpus.androidtaint.kotlinflows

import android.app.Activity
import android.location.LocationManager
import android.os.Bundle
import android.util.Log

/** Not exported: intents come from this app. Its location is still sensitive. */
class PrivateActivity : Activity() {
    override fun onCreate(state: Bundle?) {
        super.onCreate(state)
        val db = openOrCreateDatabase("search.db", MODE_PRIVATE, null)
        db.execSQL("INSERT INTO recent VALUES ('" + intent.getStringExtra("name") + "')")
        val here = getSystemService(LocationManager::class.java).getLastKnownLocation(LocationManager.GPS_PROVIDER)
        here?.let { Log.d("Private", "at ${it.latitude},${it.longitude}") } // BUG: android/sensitive-data-logged
        Log.d("Private", "located: ${here != null}")
        val visit = Visit(here?.latitude ?: 0.0, "ward 3")
        Log.i("Private", "visit ${visit.ward}")
    }
}

data class Visit(val latitude: Double, val ward: String)
