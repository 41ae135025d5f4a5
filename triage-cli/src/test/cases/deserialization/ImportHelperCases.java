package corpus.deserialization;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import java.beans.XMLDecoder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.util.Base64;
import java.util.function.Function;

/** JAX-RS import endpoint for referral bundles; decoding happens in helpers and nested classes. */
@Path("/imports")
public class ImportHelperCases {
    private byte[] pendingBundle;
    private final byte[] emptyBundle = new byte[0];

    public static class Referral {
        public String patient;
        public String reason;
    }

    interface Decoder {
        Object decode(InputStream in) throws Exception;
    }

    static Object readBundle(InputStream in) throws IOException, ClassNotFoundException {
        return new ObjectInputStream(in).readObject(); // BUG: java/unsafe-deserialization
    }

    static Referral readReferralJson(InputStream in) throws IOException {
        return new ObjectMapper().readValue(in, Referral.class);
    }

    /** Un-annotated entity body of a resource method. */
    @POST
    @Path("/bundle")
    @Consumes("application/x-java-serialized-object")
    public Object badStaticHelper(InputStream body) throws Exception {
        return readBundle(body);
    }

    @POST
    @Path("/referral")
    @Consumes("application/json")
    public Referral goodStaticHelperJson(InputStream body) throws Exception {
        return readReferralJson(body);
    }

    Object readXml(byte[] xml) {
        return new XMLDecoder(new ByteArrayInputStream(xml)).readObject(); // BUG: java/unsafe-deserialization
    }

    @POST
    @Path("/xml")
    public Object badInstanceHelper(byte[] body) {
        return readXml(body);
    }

    @POST
    @Path("/token")
    public Object badOtherClass(@QueryParam("t") String token) throws Exception {
        return new WizardState().restore(token);
    }

    class Unpacker {
        Object unpack(byte[] data) throws Exception {
            return new ObjectInputStream(new ByteArrayInputStream(data)).readObject(); // BUG: java/unsafe-deserialization
        }
    }

    @POST
    @Path("/inner")
    public Object badInnerClass(byte[] body) throws Exception {
        return new Unpacker().unpack(body);
    }

    @POST
    @Path("/anon")
    public Object badAnonymousClass(InputStream body) throws Exception {
        Decoder d = new Decoder() {
            @Override
            public Object decode(InputStream in) throws Exception {
                return new ObjectInputStream(in).readObject(); // BUG: java/unsafe-deserialization
            }
        };
        return d.decode(body);
    }

    @POST
    @Path("/lambda")
    public Object badLambda(@QueryParam("state") String state) throws Exception {
        Function<String, byte[]> b64 = s -> Base64.getDecoder().decode(s);
        return new ObjectInputStream(new ByteArrayInputStream(b64.apply(state))).readObject(); // BUG: java/unsafe-deserialization
    }

    @POST
    @Path("/lambda-json")
    public Referral goodLambdaJson(InputStream body) throws Exception {
        Function<InputStream, Referral> parse = in -> {
            try {
                return new ObjectMapper().readValue(in, Referral.class);
            } catch (IOException e) {
                throw new IllegalArgumentException(e);
            }
        };
        return parse.apply(body);
    }

    @POST
    @Path("/stage")
    public void stage(byte[] body) {
        pendingBundle = body;
    }

    public Object badTaintedField() throws Exception {
        return new ObjectInputStream(new ByteArrayInputStream(pendingBundle)).readObject(); // BUG: java/unsafe-deserialization
    }

    public Object goodConstantField() throws Exception {
        return new ObjectInputStream(new ByteArrayInputStream(emptyBundle)).readObject();
    }
}

/** Restores the multi-step booking wizard from a client token. */
class WizardState {
    Object restore(String token) throws Exception {
        byte[] raw = Base64.getUrlDecoder().decode(token);
        return new ObjectInputStream(new ByteArrayInputStream(raw)).readObject(); // BUG: java/unsafe-deserialization
    }
}
