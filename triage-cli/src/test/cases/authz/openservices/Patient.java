package corpus.authz.openservices;

public class Patient {
    public String name;
}
