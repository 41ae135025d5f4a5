package corpus.springconfig.bootsafe;

/** A Spring Boot billing service configured safely. */
public class BillingApplication {
    public static void main(String[] args) {
        System.out.println("billing");
    }
}
