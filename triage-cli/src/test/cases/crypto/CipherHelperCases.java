package corpus.crypto;

import javax.crypto.Cipher;
import java.security.Key;

/**
 * Transformations handed to an app helper by its callers. The sink is inside the helper, so the marker stands
 * there as soon as one caller passes a weak transformation.
 */
public class CipherHelperCases {
    private final Key archiveKey;

    public CipherHelperCases(Key archiveKey) {
        this.archiveKey = archiveKey;
    }

    /** Called with a weak and a strong transformation. */
    byte[] encryptWith(String transformation, byte[] data) throws Exception {
        Cipher c = Cipher.getInstance(transformation); // BUG: java/weak-cipher
        c.init(Cipher.ENCRYPT_MODE, archiveKey);
        return c.doFinal(data);
    }

    /** Every caller passes a strong transformation. */
    byte[] sealWith(String transformation, byte[] data) throws Exception {
        Cipher c = Cipher.getInstance(transformation);
        c.init(Cipher.ENCRYPT_MODE, archiveKey);
        return c.doFinal(data);
    }

    public byte[] archiveAppointmentLegacy(String appointment) throws Exception {
        return encryptWith("DES/ECB/PKCS5Padding", appointment.getBytes());
    }

    public byte[] archiveAppointment(String appointment) throws Exception {
        return encryptWith("AES/GCM/NoPadding", appointment.getBytes());
    }

    public byte[] sealDischargeLetter(String letter) throws Exception {
        return sealWith("AES/GCM/NoPadding", letter.getBytes());
    }

    public byte[] sealReferral(String referral) throws Exception {
        return sealWith("AES/CBC/PKCS5Padding", referral.getBytes());
    }
}
