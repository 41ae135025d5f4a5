package corpus.androidwebview.jsbridge;

import android.webkit.JavascriptInterface;

public class PatientBridge {
    @JavascriptInterface
    public String patientName() {
        return "Jane Doe";
    }
}
