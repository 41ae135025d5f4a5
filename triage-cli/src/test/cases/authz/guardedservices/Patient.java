package corpus.authz.guardedservices;

public class Patient {
    public String name;
}
