package corpus.androidmanifest.backupagent;

import android.app.backup.BackupAgentHelper;
import android.app.backup.SharedPreferencesBackupHelper;

/** Backs up the reminder settings only, never the medication records. */
public class SettingsBackupAgent extends BackupAgentHelper {
    @Override
    public void onCreate() {
        addHelper("settings", new SharedPreferencesBackupHelper(this, "reminder_settings"));
    }
}
