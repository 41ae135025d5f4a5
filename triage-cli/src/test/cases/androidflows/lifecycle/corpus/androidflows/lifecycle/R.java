package corpus.androidflows.lifecycle;

/** What aapt2 would generate for the layouts this app uses (ids in the order the test builder assigns them). */
public final class R {
    public static final class layout {
        public static final int share = 0x7f020000;
    }

    public static final class id {
        public static final int help = 0x7f010000;
        public static final int share = 0x7f010001;
    }
}
