package corpus.cors.actuatorsafe;

/** Actuator CORS limited to the operations hosts, and any origin without credentials for a sibling profile. */
public class OpsApplication {
    public static void main(String[] args) {
        System.out.println("ops");
    }
}
