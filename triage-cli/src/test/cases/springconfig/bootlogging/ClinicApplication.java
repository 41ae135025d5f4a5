package corpus.springconfig.bootlogging;

/** A clinic scheduling service whose shipped configuration logs too much. */
public class ClinicApplication {
    public static void main(String[] args) {
        System.out.println("clinic");
    }
}
