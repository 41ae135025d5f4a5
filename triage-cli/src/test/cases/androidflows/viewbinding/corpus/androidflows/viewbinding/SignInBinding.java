package corpus.androidflows.viewbinding;

import android.view.LayoutInflater;
import android.view.View;
import android.view.ViewGroup;
import android.widget.EditText;
import android.widget.LinearLayout;

/**
 * What the ViewBinding generator writes for res/layout/sign_in.xml (less its {@code androidx.viewbinding.ViewBinding}
 * interface: the corpus builds against the platform alone).
 */
public final class SignInBinding {
    private final LinearLayout rootView;
    public final EditText email;
    public final EditText passwordField;
    public final EditText pinField;
    public final EditText webSecret;
    public final EditText voucher;

    private SignInBinding(LinearLayout rootView, EditText email, EditText passwordField, EditText pinField,
                          EditText webSecret, EditText voucher) {
        this.rootView = rootView;
        this.email = email;
        this.passwordField = passwordField;
        this.pinField = pinField;
        this.webSecret = webSecret;
        this.voucher = voucher;
    }

    public LinearLayout getRoot() {
        return rootView;
    }

    public static SignInBinding inflate(LayoutInflater inflater) {
        return inflate(inflater, null, false);
    }

    public static SignInBinding inflate(LayoutInflater inflater, ViewGroup parent, boolean attachToParent) {
        View root = inflater.inflate(R.layout.sign_in, parent, false);
        if (attachToParent) {
            parent.addView(root);
        }
        return bind(root);
    }

    public static SignInBinding bind(View rootView) {
        int id;
        missingId: {
            id = R.id.email;
            EditText email = rootView.findViewById(id);
            if (email == null) {
                break missingId;
            }
            id = R.id.password_field;
            EditText passwordField = rootView.findViewById(id);
            if (passwordField == null) {
                break missingId;
            }
            id = R.id.pin_field;
            EditText pinField = rootView.findViewById(id);
            if (pinField == null) {
                break missingId;
            }
            id = R.id.web_secret;
            EditText webSecret = rootView.findViewById(id);
            if (webSecret == null) {
                break missingId;
            }
            id = R.id.voucher;
            EditText voucher = rootView.findViewById(id);
            if (voucher == null) {
                break missingId;
            }
            return new SignInBinding((LinearLayout) rootView, email, passwordField, pinField, webSecret, voucher);
        }
        String missingId = rootView.getResources().getResourceName(id);
        throw new NullPointerException("Missing required view with ID: ".concat(missingId));
    }
}
