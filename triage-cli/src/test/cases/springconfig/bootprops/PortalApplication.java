package corpus.springconfig.bootprops;

/** A Spring Boot portal whose bundled application.properties exposes internals. */
public class PortalApplication {
    public static void main(String[] args) {
        System.out.println("portal");
    }
}
