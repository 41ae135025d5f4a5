package corpus.androidflows.reflectmore;

/** A holder whose fields are written and read through reflection. */
public class Slot {
    public String secret;
    public String colour = "blue";
    private final String owner;
    private String note;

    public Slot(String owner) {
        this.owner = owner;
    }
}
