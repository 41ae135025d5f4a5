package org.example.portal.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Checksums of patient records, used as ETags and to detect duplicate uploads. */
public final class RecordChecksum {

    private RecordChecksum() {
    }

    /** Legacy duplicate detection for the old archive: MD5 collisions can be made on purpose. */
    public static String md5Hex(String record) {
        try {
            MessageDigest digest = MessageDigest.getInstance("MD5"); // BUG: java/weak-hash
            return HexFormat.of().formatHex(digest.digest(record.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Safe twin: SHA-256. */
    public static String sha256Hex(String record) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(record.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
