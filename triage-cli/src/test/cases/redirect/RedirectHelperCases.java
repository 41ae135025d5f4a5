package corpus.redirect;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.function.Function;

/** JAX-RS sign-in hand-off (jakarta); redirects are issued in helpers and nested classes. */
@Path("/handoff")
public class RedirectHelperCases {
    private static final Map<String, String> APPS = Map.of("labs", "/labs/home", "billing", "/billing/home");
    @Context
    HttpServletResponse resp;
    private String pendingTarget;
    private final String home = "/portal/home";

    interface Hop {
        void go(String target) throws IOException;
    }

    static void bounce(HttpServletResponse r, String target) throws IOException {
        r.sendRedirect(target); // BUG: java/open-redirect
    }

    static void bounceToApp(HttpServletResponse r, String app) throws IOException {
        r.sendRedirect(APPS.getOrDefault(app, "/portal/home"));
    }

    @GET
    @Path("/bounce")
    public void badStaticHelper(@QueryParam("to") String to) throws IOException {
        bounce(resp, to);
    }

    @GET
    @Path("/app")
    public void goodStaticHelperLookup(@QueryParam("app") String app) throws IOException {
        bounceToApp(resp, app);
    }

    @GET
    @Path("/see-other")
    public Response badJaxRsSeeOther(@QueryParam("to") String to) {
        return Response.seeOther(URI.create(to)).build(); // BUG: java/open-redirect
    }

    @GET
    @Path("/see-other-safe")
    public Response goodJaxRsSeeOtherFixed(@QueryParam("to") String to) {
        return Response.seeOther(URI.create("/portal/home")).build();
    }

    void afterBooking(String target) throws IOException {
        resp.sendRedirect(target + "#confirmed"); // BUG: java/open-redirect
    }

    @GET
    @Path("/booked")
    public void badInstanceHelper(@QueryParam("back") String back) throws IOException {
        afterBooking(back);
    }

    @GET
    @Path("/logout")
    public void badOtherClass(@QueryParam("after") String after) throws IOException {
        new LogoutFlow(resp).finish(after);
    }

    class Consent {
        void done(String target) throws IOException {
            resp.sendRedirect(target); // BUG: java/open-redirect
        }
    }

    @GET
    @Path("/consent")
    public void badInnerClass(@QueryParam("next") String next) throws IOException {
        new Consent().done(next);
    }

    @GET
    @Path("/anon")
    public void badAnonymousClass(@QueryParam("next") String next) throws IOException {
        Hop h = new Hop() {
            @Override
            public void go(String target) throws IOException {
                resp.sendRedirect(target); // BUG: java/open-redirect
            }
        };
        h.go(next);
    }

    @GET
    @Path("/lambda")
    public void badLambda(@QueryParam("next") String next) throws IOException {
        Function<String, String> withFlag = t -> t + "?sso=1";
        resp.sendRedirect(withFlag.apply(next)); // BUG: java/open-redirect
    }

    @GET
    @Path("/lambda-safe")
    public void goodLambdaLookup(@QueryParam("app") String app) throws IOException {
        Function<String, String> lookup = a -> APPS.getOrDefault(a, "/portal/home");
        resp.sendRedirect(lookup.apply(app));
    }

    @GET
    @Path("/remember")
    public void remember(@QueryParam("next") String next) {
        pendingTarget = next;
    }

    public void badTaintedField() throws IOException {
        resp.sendRedirect(pendingTarget); // BUG: java/open-redirect
    }

    public void goodConstantField() throws IOException {
        resp.sendRedirect(home);
    }
}

/** Ends the session and leaves the portal. */
class LogoutFlow {
    private final HttpServletResponse resp;

    LogoutFlow(HttpServletResponse resp) {
        this.resp = resp;
    }

    void finish(String after) throws IOException {
        resp.sendRedirect(after); // BUG: java/open-redirect
    }
}
