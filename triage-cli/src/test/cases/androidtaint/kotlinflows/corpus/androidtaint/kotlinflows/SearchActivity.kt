package corpus.androidtaint.kotlinflows

import android.app.Activity
import android.database.sqlite.SQLiteDatabase
import android.os.Bundle
import android.util.Log
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.delay
import kotlinx.coroutines.launch
import java.util.concurrent.Executors

/** Exported, written in Kotlin: lambdas, coroutines, inline functions, companion objects, scope functions. */
class SearchActivity : Activity() {
    private lateinit var db: SQLiteDatabase
    private val io = Executors.newSingleThreadExecutor()

    override fun onCreate(state: Bundle?) {
        super.onCreate(state)
        db = openOrCreateDatabase("search.db", MODE_PRIVATE, null)
        val name = intent.getStringExtra("name")
        db.rawQuery("SELECT * FROM patient WHERE name = '$name'", null).close() // BUG: java/sql-injection
        db.rawQuery("SELECT * FROM patient WHERE name = ?", arrayOf(name)).close()
        io.execute { db.execSQL("INSERT INTO recent VALUES ('$name')") } // BUG: java/sql-injection
        io.execute { db.execSQL("DELETE FROM recent") }
        timed { db.execSQL("UPDATE stats SET last = '$name'") } // BUG: java/sql-injection
        db.rawQuery(byWard(intent.getStringExtra("ward")), null).close() // BUG: java/sql-injection
        intent.getStringExtra("tag")?.let { tag ->
            db.execSQL("INSERT INTO tag VALUES ('$tag')") // BUG: java/sql-injection
        }
        CoroutineScope(Dispatchers.IO).launch {
            val id = normalise(intent.getStringExtra("id"))
            delay(10)
            db.execSQL("DELETE FROM visit WHERE id = $id") // BUG: java/sql-injection
            db.execSQL("DELETE FROM visit WHERE stale = 1")
        }
    }

    private suspend fun normalise(id: String?): String {
        delay(1)
        return id?.trim() ?: ""
    }

    private inline fun timed(block: () -> Unit) {
        val start = System.nanoTime()
        block()
        Log.d(TAG, "took ${System.nanoTime() - start} ns")
    }

    companion object {
        private const val TAG = "Search"

        fun byWard(ward: String?) = "SELECT * FROM visit WHERE ward = '" + ward + "'"
    }
}
