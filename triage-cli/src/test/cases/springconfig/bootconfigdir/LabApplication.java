package corpus.springconfig.bootconfigdir;

/** A Spring Boot lab service whose configuration sits in config/ on the class path. */
public class LabApplication {
    public static void main(String[] args) {
        System.out.println("lab");
    }
}
