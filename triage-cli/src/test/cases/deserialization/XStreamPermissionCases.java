package corpus.deserialization;

import com.thoughtworks.xstream.XStream;
import com.thoughtworks.xstream.security.AnyTypePermission;
import com.thoughtworks.xstream.security.NoTypePermission;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A referral import API reading XML with XStream. XStream 1.4.18 and later refuse every type outside a small default
 * allow-list, so what matters in code is whether the app widens the permissions to any type (the scan has no XStream
 * jar here, so its version is unknown and a plain XStream is not reported; XStreamVersionTest bundles one).
 */
@RestController
public class XStreamPermissionCases {
    public static class Referral {
        public String patient;
        public String clinic;
    }

    private final XStream importer = new XStream();
    private final XStream typed = new XStream();

    public XStreamPermissionCases() {
        importer.addPermission(AnyTypePermission.ANY);
        typed.allowTypes(new Class<?>[] {Referral.class});
    }

    @PostMapping("/referrals/import")
    public Object badFieldWidenedInConstructor(@RequestBody String xml) {
        return importer.fromXML(xml); // BUG: java/unsafe-deserialization
    }

    @PostMapping("/referrals/typed")
    public Object goodFieldAllowListed(@RequestBody String xml) {
        return typed.fromXML(xml);
    }

    @PostMapping("/referrals/wildcard")
    public Object badWildcardEverything(@RequestBody String xml) {
        XStream xs = new XStream();
        xs.allowTypesByWildcard(new String[] {"**"});
        return xs.fromXML(xml); // BUG: java/unsafe-deserialization
    }

    @PostMapping("/referrals/regexp")
    public Object badRegExpEverything(@RequestBody String xml) {
        XStream xs = new XStream();
        xs.allowTypesByRegExp(new String[] {".*"});
        return xs.fromXML(xml); // BUG: java/unsafe-deserialization
    }

    @PostMapping("/referrals/app-wildcard")
    public Object goodAppPackageWildcard(@RequestBody String xml) {
        XStream xs = new XStream();
        xs.allowTypesByWildcard(new String[] {"corpus.deserialization.**"});
        return xs.fromXML(xml);
    }

    @PostMapping("/referrals/default")
    public Object goodDefaultSecurity(@RequestBody String xml) {
        XStream xs = new XStream();
        XStream.setupDefaultSecurity(xs);
        xs.allowTypes(new Class<?>[] {Referral.class});
        return xs.fromXML(xml);
    }

    /** Permissions reset after a wide one: NONE clears what came before. */
    @PostMapping("/referrals/reset")
    public Object goodResetAfterAnyType(@RequestBody String xml) {
        XStream xs = new XStream();
        xs.addPermission(AnyTypePermission.ANY);
        xs.addPermission(NoTypePermission.NONE);
        xs.allowTypes(new Class<?>[] {Referral.class});
        return xs.fromXML(xml);
    }

    /** A plain XStream: denies unknown types by default since 1.4.18 (version unknown here: not reported). */
    @PostMapping("/referrals/plain")
    public Object goodPlainModernDefault(@RequestBody String xml) {
        return new XStream().fromXML(xml);
    }

    /** Any type, but only the app's own constant document. */
    public Object goodWidenedConstant() {
        XStream xs = new XStream();
        xs.addPermission(AnyTypePermission.ANY);
        return xs.fromXML("<referral><patient>demo</patient></referral>");
    }
}
