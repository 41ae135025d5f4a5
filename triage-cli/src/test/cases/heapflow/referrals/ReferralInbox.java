package corpus.heapflow.referrals;

/** Holds the referral being worked on (a model object held by another object). */
public class ReferralInbox {
    private Referral current;

    public void receive(Referral r) {
        this.current = r;
    }

    public Referral current() {
        return current;
    }
}
