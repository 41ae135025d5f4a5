package corpus.pathtraversal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.apache.commons.io.FileUtils;
import org.apache.commons.io.FilenameUtils;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.function.Function;

/** JAX-RS resource serving discharge summaries; file access lives in helpers and nested classes. */
@Path("/summaries")
public class DocumentHelperCases {
    private static final String BASE = "/var/portal/summaries";
    private String lastName;
    private final String templateName = "summary-template.html";

    interface Loader {
        byte[] load(String name) throws IOException;
    }

    static byte[] readSummary(String name) throws IOException {
        return Files.readAllBytes(new File(BASE, name).toPath()); // BUG: java/path-traversal
    }

    static byte[] readSummarySafely(String name) throws IOException {
        return Files.readAllBytes(new File(BASE, FilenameUtils.getName(name)).toPath());
    }

    @GET
    @Path("/raw")
    public byte[] badStaticHelper(@QueryParam("name") String name) throws IOException {
        return readSummary(name);
    }

    @GET
    @Path("/clean")
    public byte[] goodStaticHelperSanitizes(@QueryParam("name") String name) throws IOException {
        return readSummarySafely(name);
    }

    String readText(String name) throws IOException {
        return FileUtils.readFileToString(new File(BASE + File.separator + name), StandardCharsets.UTF_8); // BUG: java/path-traversal
    }

    @GET
    @Path("/{name}/text")
    public String badInstanceHelper(@PathParam("name") String name) throws IOException {
        return readText(name);
    }

    @GET
    @Path("/archive")
    public boolean badOtherClass(@QueryParam("year") String year) {
        return new SummaryArchive().purgeYear(year);
    }

    @GET
    @Path("/archive-safe")
    public boolean goodOtherClassNumeric(@QueryParam("year") String year) {
        return new SummaryArchive().purgeYear(Integer.parseInt(year));
    }

    class Previewer {
        byte[] preview(String name) throws IOException {
            return Files.readAllBytes(new File(BASE, name + ".png").toPath()); // BUG: java/path-traversal
        }
    }

    @GET
    @Path("/preview")
    public byte[] badInnerClass(@QueryParam("name") String name) throws IOException {
        return new Previewer().preview(name);
    }

    @GET
    @Path("/anon")
    public byte[] badAnonymousClass(@QueryParam("name") String name) throws IOException {
        Loader l = new Loader() {
            @Override
            public byte[] load(String n) throws IOException {
                return Files.readAllBytes(new File("/var/portal/letters", n).toPath()); // BUG: java/path-traversal
            }
        };
        return l.load(name);
    }

    @GET
    @Path("/lambda")
    public byte[] badLambda(@QueryParam("name") String name) throws IOException {
        Function<String, File> resolve = n -> new File(BASE, n);
        return Files.readAllBytes(resolve.apply(name).toPath()); // BUG: java/path-traversal
    }

    @GET
    @Path("/lambda-safe")
    public byte[] goodLambdaStripsName(@QueryParam("name") String name) throws IOException {
        Function<String, File> resolve = n -> new File(BASE, FilenameUtils.getName(n));
        return Files.readAllBytes(resolve.apply(name).toPath());
    }

    @GET
    @Path("/select")
    public void select(@QueryParam("name") String name) {
        lastName = name;
    }

    public byte[] badTaintedField() throws IOException {
        return Files.readAllBytes(new File(BASE, lastName).toPath()); // BUG: java/path-traversal
    }

    public byte[] goodConstantField() throws IOException {
        return Files.readAllBytes(new File(BASE, templateName).toPath());
    }
}

/** Yearly folders of archived summaries. */
class SummaryArchive {
    boolean purgeYear(String year) {
        return new File("/var/portal/archive/" + year).delete(); // BUG: java/path-traversal
    }

    boolean purgeYear(int year) {
        return new File("/var/portal/archive/" + year).delete();
    }
}
