package corpus.heapflow.referrals;

import java.io.File;
import java.nio.file.Files;

/** A background job: its constructor keeps what it is given, run() uses it later on another thread. */
public class ReferralExport implements Runnable {
    private final String fileName;
    private final String footer;

    public ReferralExport(String fileName, String footer) {
        this.fileName = fileName;
        this.footer = footer;
    }

    @Override
    public void run() {
        try {
            Files.writeString(new File("/var/portal/exports", fileName).toPath(), footer); // BUG: java/path-traversal
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
