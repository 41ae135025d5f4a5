package corpus.androidflows.viewbinding;

/** What aapt2 would generate for the layouts this app uses (ids in the order the test builder assigns them). */
public final class R {
    private R() {
    }

    public static final class id {
        private id() {
        }

        public static final int email = 0x7f010000;
        public static final int password_field = 0x7f010001;
        public static final int pin_field = 0x7f010002;
        public static final int root = 0x7f010003;
        public static final int voucher = 0x7f010004;
        public static final int web_secret = 0x7f010005;
    }

    public static final class layout {
        private layout() {
        }

        public static final int sign_in = 0x7f020000;
    }
}
