package corpus.androidmanifest.securescreens;

/** The resource ids the build gives the layouts (one resource type, names in sorted order). */
public final class R {
    private R() {
    }

    public static final class layout {
        private layout() {
        }

        public static final int about = 0x7f010000;
        public static final int login = 0x7f010001;
        public static final int pin = 0x7f010002;
        public static final int pin_pad = 0x7f010003;
    }
}
