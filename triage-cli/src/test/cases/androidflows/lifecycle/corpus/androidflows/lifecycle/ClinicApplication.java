package corpus.androidflows.lifecycle;

import android.accounts.Account;
import android.accounts.AccountManager;
import android.app.Application;
import android.util.Log;

/** The Application object's callbacks: an account looked up at start, logged when memory runs low. */
public class ClinicApplication extends Application {
    private String accountName;
    private String flavour;

    @Override
    public void onCreate() {
        super.onCreate();
        Account[] accounts = AccountManager.get(this).getAccounts();
        accountName = accounts.length > 0 ? accounts[0].name : null;
        flavour = "release";
    }

    @Override
    public void onLowMemory() {
        super.onLowMemory();
        Log.w("App", "low memory for " + accountName); // BUG: android/sensitive-data-logged
        Log.w("App", "low memory in " + flavour);
    }

    /** Never called: no entry point reaches it. */
    private void debugDump() {
        Log.e("App", "account " + AccountManager.get(this).getAccounts()[0].name);
    }
}
