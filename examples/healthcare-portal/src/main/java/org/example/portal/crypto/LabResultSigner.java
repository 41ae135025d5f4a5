package org.example.portal.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;

/**
 * Signs lab result documents before they leave the portal, and wraps export keys for the lab
 * partner. The legacy methods are deliberately weak.
 */
public class LabResultSigner {

    /** Legacy signing key: 1024-bit RSA can be factored by a well-funded attacker. */
    public KeyPair newLegacySigningKey() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024); // BUG: java/short-key
        return generator.generateKeyPair();
    }

    /** Safe twin: 3072-bit RSA. */
    public KeyPair newSigningKey() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(3072);
        return generator.generateKeyPair();
    }

    /** Safe twin: an EC P-256 key for the newer partner API. */
    public KeyPair newEcSigningKey() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    /** Safe twin: P-384 named curve. */
    public KeyPair newEcSigningKeyP384() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp384r1"));
        return generator.generateKeyPair();
    }

    /** Legacy signature: SHA-1 collisions let a forged result carry a valid signature. */
    public byte[] signLegacy(String resultXml, PrivateKey key) throws GeneralSecurityException {
        Signature signature = Signature.getInstance("SHA1withRSA"); // BUG: java/weak-hash
        signature.initSign(key);
        signature.update(resultXml.getBytes(StandardCharsets.UTF_8));
        return signature.sign();
    }

    /** Safe twin: SHA-256 with RSA. */
    public byte[] sign(String resultXml, PrivateKey key) throws GeneralSecurityException {
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update(resultXml.getBytes(StandardCharsets.UTF_8));
        return signature.sign();
    }

    /** Legacy key wrap for the lab partner: RSA with PKCS#1 v1.5 padding (padding oracle). */
    public byte[] wrapForPartnerLegacy(SecretKey exportKey, PublicKey partnerKey) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("RSA/ECB/PKCS1Padding"); // BUG: java/weak-cipher
        cipher.init(Cipher.WRAP_MODE, partnerKey);
        return cipher.wrap(exportKey);
    }

    /** Safe twin: RSA-OAEP with SHA-256. */
    public byte[] wrapForPartner(SecretKey exportKey, PublicKey partnerKey) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
        cipher.init(Cipher.WRAP_MODE, partnerKey);
        return cipher.wrap(exportKey);
    }
}
