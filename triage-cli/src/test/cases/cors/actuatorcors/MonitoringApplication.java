package corpus.cors.actuatorcors;

/** A service whose actuator answers every origin with credentials. */
public class MonitoringApplication {
    public static void main(String[] args) {
        System.out.println("monitoring");
    }
}
