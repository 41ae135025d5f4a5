package corpus.crypto.propsconfig;

import javax.crypto.Cipher;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Reads the cipher of the records archive from the bundled crypto.properties. */
public class ArchiveCrypto {
    private final Properties props = new Properties();

    public ArchiveCrypto() {
        try (InputStream in = ArchiveCrypto.class.getResourceAsStream("/crypto.properties")) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Cipher badFromFile() throws Exception {
        return Cipher.getInstance(props.getProperty("crypto.cipher")); // BUG: java/weak-cipher
    }

    public Cipher goodFromFile() throws Exception {
        return Cipher.getInstance(props.getProperty("crypto.strong"));
    }

    public Cipher badExportCipher() throws Exception {
        String t = props.getProperty("crypto.export.cipher");
        return Cipher.getInstance(t); // BUG: java/weak-cipher
    }

    /** The key is absent from the file: the weak default decides. */
    public Cipher badAbsentKeyWeakDefault() throws Exception {
        return Cipher.getInstance(props.getProperty("crypto.backup.cipher", "DESede")); // BUG: java/weak-cipher
    }

    /** The key is absent from the file: the strong default decides. */
    public Cipher goodAbsentKeyStrongDefault() throws Exception {
        return Cipher.getInstance(props.getProperty("crypto.backup.cipher", "AES/GCM/NoPadding"));
    }

    /** The key is present and strong: the weak default never applies. */
    public Cipher goodPresentKeyWeakDefault() throws Exception {
        return Cipher.getInstance(props.getProperty("crypto.strong", "DES"));
    }
}
