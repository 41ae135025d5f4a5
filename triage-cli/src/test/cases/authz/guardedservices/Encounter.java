package corpus.authz.guardedservices;

public class Encounter {
    public String note;
}
