package corpus.deserialization;

import com.caucho.hessian.io.HessianInput;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.jsontype.impl.LaissezFaireSubTypeValidator;
import com.thoughtworks.xstream.XStream;
import com.thoughtworks.xstream.security.AnyTypePermission;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.Constructor;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import java.beans.XMLDecoder;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Appointment imports and the "resume wizard" state of the portal (javax.servlet). */
public class DeserializationCases {
    /** A stored, app-produced serialized default (a String "safe"). */
    private static final String DEFAULT_STATE = "rO0ABXQABHNhZmU=";

    public static class Appointment {
        public String patient;
        public String room;
        public long start;
    }

    public Object badObjectInputStream(HttpServletRequest req) throws Exception {
        ObjectInputStream in = new ObjectInputStream(req.getInputStream());
        return in.readObject(); // BUG: java/unsafe-deserialization
    }

    public Object badCookieBase64(HttpServletRequest req) throws Exception {
        Cookie[] cookies = req.getCookies();
        byte[] state = Base64.getDecoder().decode(cookies[0].getValue());
        return new ObjectInputStream(new ByteArrayInputStream(state)).readObject(); // BUG: java/unsafe-deserialization
    }

    public Object badXmlDecoder(HttpServletRequest req) throws Exception {
        XMLDecoder d = new XMLDecoder(req.getInputStream());
        return d.readObject(); // BUG: java/unsafe-deserialization
    }

    public Object badXStreamAnyType(HttpServletRequest req) throws Exception {
        XStream xs = new XStream();
        xs.addPermission(AnyTypePermission.ANY);
        return xs.fromXML(req.getReader()); // BUG: java/unsafe-deserialization
    }

    /** XStream 1.4.18+ only accepts allow-listed types. */
    public Object goodXStreamAllowList(HttpServletRequest req) throws Exception {
        XStream xs = new XStream();
        xs.allowTypes(new Class<?>[] {Appointment.class});
        return xs.fromXML(req.getReader());
    }

    public Object badJacksonDefaultTyping(HttpServletRequest req) throws Exception {
        ObjectMapper om = new ObjectMapper();
        om.activateDefaultTyping(LaissezFaireSubTypeValidator.instance, ObjectMapper.DefaultTyping.NON_FINAL);
        return om.readValue(req.getInputStream(), Object.class); // BUG: java/unsafe-deserialization
    }

    /** Plain data binding into a concrete type. */
    public Appointment goodJacksonConcreteType(HttpServletRequest req) throws Exception {
        return new ObjectMapper().readValue(req.getInputStream(), Appointment.class);
    }

    public Object badSnakeYamlGlobalTags(HttpServletRequest req) throws Exception {
        LoaderOptions opts = new LoaderOptions();
        opts.setTagInspector(tag -> true);
        return new Yaml(new Constructor(opts)).load(req.getInputStream()); // BUG: java/unsafe-deserialization
    }

    public Object goodSnakeYamlSafeConstructor(HttpServletRequest req) throws Exception {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(req.getInputStream());
    }

    public Object badHessian(HttpServletRequest req) throws Exception {
        HessianInput in = new HessianInput(req.getInputStream());
        return in.readObject(); // BUG: java/unsafe-deserialization
    }

    /** A JEP 290 filter that accepts one app class and rejects everything else. */
    public Object goodObjectInputFilter(HttpServletRequest req) throws Exception {
        ObjectInputStream in = new ObjectInputStream(req.getInputStream());
        in.setObjectInputFilter(ObjectInputFilter.Config.createFilter("corpus.deserialization.DeserializationCases$Appointment;java.lang.String;!*"));
        return in.readObject();
    }

    /** The app's own bundled resource, not request data. */
    public Object goodBundledResource(HttpServletRequest req) throws Exception {
        req.getParameter("wizard");
        try (InputStream res = DeserializationCases.class.getResourceAsStream("/wizard-defaults.ser")) {
            return new ObjectInputStream(res).readObject();
        }
    }

    private static Object decode(String b64) throws Exception {
        return new ObjectInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(b64))).readObject(); // BUG: java/unsafe-deserialization
    }

    public Object goodDeadBranch(HttpServletRequest req) throws Exception {
        String param = req.getParameter("state");
        int num = 86; // (7 * 42) - 86 = 208 > 200: the constant branch is taken
        String bar = (7 * 42) - num > 200 ? DEFAULT_STATE : param;
        return new ObjectInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(bar))).readObject();
    }

    public Object badLiveBranch(HttpServletRequest req) throws Exception {
        String param = req.getParameter("state");
        int num = 196;
        String bar = (7 * 42) - num > 200 ? DEFAULT_STATE : param;
        return new ObjectInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(bar))).readObject(); // BUG: java/unsafe-deserialization
    }

    public Object goodSwitchKnownValue(HttpServletRequest req) throws Exception {
        String param = req.getParameter("state");
        String bar;
        String guess = "ABC";
        switch (guess.charAt(2)) {
            case 'C': bar = DEFAULT_STATE; break;
            default: bar = param; break;
        }
        return new ObjectInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(bar))).readObject();
    }

    public Object goodMapConstantKey(HttpServletRequest req) throws Exception {
        Map<String, String> m = new HashMap<>();
        m.put("keyA", DEFAULT_STATE);
        m.put("keyB", req.getParameter("state"));
        return new ObjectInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(m.get("keyA")))).readObject();
    }

    public Object badMapTaintedKeyThroughHelper(HttpServletRequest req) throws Exception {
        Map<String, String> m = new HashMap<>();
        m.put("keyA", DEFAULT_STATE);
        m.put("keyB", req.getParameter("state"));
        return decode(m.get("keyB"));
    }

    public Object goodListAfterRemoval(HttpServletRequest req) throws Exception {
        List<String> l = new ArrayList<>();
        l.add("safe");
        l.add(req.getParameter("state"));
        l.add(DEFAULT_STATE);
        l.remove(0);
        return new ObjectInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(l.get(1)))).readObject();
    }

    public Object badListAfterRemoval(HttpServletRequest req) throws Exception {
        List<String> l = new ArrayList<>();
        l.add("safe");
        l.add(req.getParameter("state"));
        l.add(DEFAULT_STATE);
        l.remove(0);
        return new ObjectInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(l.get(0)))).readObject(); // BUG: java/unsafe-deserialization
    }
}
