package corpus.cors.actuatoryaml;

/** The actuator's CORS in application.yml: a list of origin patterns, one of which matches every https site. */
public class SchedulingApplication {
    public static void main(String[] args) {
        System.out.println("scheduling");
    }
}
