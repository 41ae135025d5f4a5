package corpus.springconfig.bootstaging;

/** A Spring Boot scheduling service whose staging and default configuration open internals to the network. */
public class SchedulingApplication {
    public static void main(String[] args) {
        System.out.println("scheduling");
    }
}
