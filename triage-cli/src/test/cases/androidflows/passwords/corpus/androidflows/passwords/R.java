package corpus.androidflows.passwords;

/** What aapt2 would generate for the layouts this app uses (ids in the order the test builder assigns them). */
public final class R {
    private R() {
    }

    public static final class id {
        private id() {
        }

        public static final int account_phone = 0x7f010000;
        public static final int account_secret = 0x7f010001;
        public static final int note = 0x7f010002;
        public static final int password = 0x7f010003;
        public static final int pin = 0x7f010004;
        public static final int portal_password = 0x7f010005;
        public static final int portal_user = 0x7f010006;
        public static final int recovery_code = 0x7f010007;
        public static final int save = 0x7f010008;
        public static final int send_note = 0x7f010009;
        public static final int send_pin = 0x7f01000a;
        public static final int sign_in = 0x7f01000b;
        public static final int unlock_code = 0x7f01000c;
        public static final int unlock_name = 0x7f01000d;
        public static final int user = 0x7f01000e;
    }

    public static final class layout {
        private layout() {
        }

        public static final int account = 0x7f020000;
        public static final int login = 0x7f020001;
        public static final int pin = 0x7f020002;
        public static final int portal = 0x7f020003;
        public static final int unlock = 0x7f020004;
    }
}
