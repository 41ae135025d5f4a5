package corpus.springconfig.bootyaml;

/** A Spring Boot records service configured in YAML. */
public class RecordsApplication {
    public static void main(String[] args) {
        System.out.println("records");
    }
}
