package corpus.androidwebview.jsbridge;

public final class R {
    public static final class id {
        public static final int web = 0x7f080001;
        public static final int refresh = 0x7f080002;
        public static final int terms = 0x7f080003;
    }

    public static final class layout {
        public static final int portal = 0x7f0b0001;
    }
}
