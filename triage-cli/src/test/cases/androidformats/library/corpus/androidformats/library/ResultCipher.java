package corpus.androidformats.library;

import javax.crypto.Cipher;

/** Code in an Android library's classes.jar: the app code when the AAR is scanned on its own. */
public class ResultCipher {
    public Cipher legacy() throws Exception {
        return Cipher.getInstance("DES/CBC/PKCS5Padding"); // BUG: java/weak-cipher
    }

    public Cipher current() throws Exception {
        return Cipher.getInstance("AES/GCM/NoPadding");
    }
}
