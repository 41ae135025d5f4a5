package corpus.androidwebview.fileaccess;

public final class BuildConfig {
    public static final boolean DEBUG = false;
    public static final String APPLICATION_ID = "corpus.androidwebview.fileaccess";
}
