package corpus.reflection;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import java.util.Map;
import java.util.function.Function;

/** JAX-RS importer registry; classes are loaded in helpers and nested classes. */
@Path("/importers")
public class ImporterHelperCases {
    private static final Map<String, String> KNOWN = Map.of("hl7", "java.lang.StringBuilder", "csv", "java.util.ArrayList");
    private String pendingType;
    private final String defaultType = "java.util.ArrayList";

    interface Loader {
        Class<?> load(String name) throws ClassNotFoundException;
    }

    static Class<?> load(String name) throws ClassNotFoundException {
        return Class.forName(name); // BUG: java/unsafe-reflection
    }

    static Class<?> loadKnown(String key) throws ClassNotFoundException {
        return Class.forName(KNOWN.getOrDefault(key, "java.util.ArrayList"));
    }

    @GET
    @Path("/load")
    public Object badStaticHelper(@QueryParam("type") String type) throws ClassNotFoundException {
        return load(type);
    }

    @GET
    @Path("/known")
    public Object goodStaticHelperLookup(@QueryParam("key") String key) throws ClassNotFoundException {
        return loadKnown(key);
    }

    Object instantiate(String name) throws ReflectiveOperationException {
        return Thread.currentThread().getContextClassLoader().loadClass(name).getDeclaredConstructor().newInstance(); // BUG: java/unsafe-reflection
    }

    @GET
    @Path("/{type}/new")
    public Object badInstanceHelper(@PathParam("type") String type) throws ReflectiveOperationException {
        return instantiate(type);
    }

    @GET
    @Path("/codec")
    public Object badOtherClass(@QueryParam("codec") String codec) throws ClassNotFoundException {
        return new CodecRegistry().codec(codec);
    }

    class Validator {
        Class<?> find(String name) throws ClassNotFoundException {
            return Class.forName(name); // BUG: java/unsafe-reflection
        }
    }

    @GET
    @Path("/validator")
    public Object badInnerClass(@QueryParam("v") String v) throws ClassNotFoundException {
        return new Validator().find(v);
    }

    @GET
    @Path("/anon")
    public Object badAnonymousClass(@QueryParam("type") String type) throws ClassNotFoundException {
        Loader l = new Loader() {
            @Override
            public Class<?> load(String name) throws ClassNotFoundException {
                return Class.forName(name); // BUG: java/unsafe-reflection
            }
        };
        return l.load(type);
    }

    @GET
    @Path("/lambda")
    public Object badLambda(@QueryParam("type") String type) throws ClassNotFoundException {
        Function<String, String> fqcn = t -> t.strip();
        return Class.forName(fqcn.apply(type)); // BUG: java/unsafe-reflection
    }

    @GET
    @Path("/lambda-safe")
    public Object goodLambdaLookup(@QueryParam("key") String key) throws ClassNotFoundException {
        Function<String, String> fqcn = k -> KNOWN.getOrDefault(k, "java.util.ArrayList");
        return Class.forName(fqcn.apply(key));
    }

    @GET
    @Path("/remember")
    public void remember(@QueryParam("type") String type) {
        pendingType = type;
    }

    public Object badTaintedField() throws ClassNotFoundException {
        return Class.forName(pendingType); // BUG: java/unsafe-reflection
    }

    public Object goodConstantField() throws ClassNotFoundException {
        return Class.forName(defaultType);
    }
}

/** Message codecs looked up by name. */
class CodecRegistry {
    Class<?> codec(String name) throws ClassNotFoundException {
        return Class.forName(name, false, CodecRegistry.class.getClassLoader()); // BUG: java/unsafe-reflection
    }
}
