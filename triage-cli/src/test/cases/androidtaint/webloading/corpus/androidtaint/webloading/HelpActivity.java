package corpus.androidtaint.webloading;

import android.app.Activity;
import android.os.Bundle;
import android.webkit.WebView;

/** Not exported: only this app starts it. */
public class HelpActivity extends Activity {
    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        WebView web = new WebView(this);
        web.loadUrl(getIntent().getStringExtra("url"));
        web.evaluateJavascript("open('" + getIntent().getStringExtra("topic") + "')", null);
    }
}
