package corpus.secrets.messagebundle;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A patient portal's login page texts: message bundles (one file per language) whose keys name passwords and
 * tokens, and whose values are what the page shows. The service settings beside them do hold a literal secret.
 */
public class LoginMessages {
    public String text(String key, Locale locale) {
        return ResourceBundle.getBundle("i18n.LoginResources", locale).getString(key);
    }
}
