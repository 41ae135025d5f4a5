package corpus.androidtaint.privacyleaks;

import android.location.Location;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.HttpURLConnection;
import java.net.URL;

import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;

final class Uploader {
    private final OkHttpClient client = new OkHttpClient();

    void upload(Location at) {
        Request track = new Request.Builder()
                .url("https://api.example.org/track?lat=" + at.getLatitude() + "&lon=" + at.getLongitude()) // BUG: android/sensitive-data-network
                .build();
        Request ping = new Request.Builder().url("https://api.example.org/ping").build();
        Request form = new Request.Builder().url("https://api.example.org/visit")
                .post(new FormBody.Builder().add("where", String.valueOf(at.getAltitude())).build()) // BUG: android/sensitive-data-network
                .build();
        client.newCall(track);
        client.newCall(ping);
        client.newCall(form);
        try {
            HttpURLConnection conn = (HttpURLConnection) new URL("https://api.example.org/trail").openConnection();
            conn.setDoOutput(true);
            OutputStream body = conn.getOutputStream();
            body.write(("{\"lat\":" + at.getLatitude() + "}").getBytes()); // BUG: android/sensitive-data-network
            Writer w = new OutputStreamWriter(conn.getOutputStream(), "UTF-8");
            w.write("{\"app\":\"tracker\"}");
            w.write(at.toString()); // BUG: android/sensitive-data-network
            w.close();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
