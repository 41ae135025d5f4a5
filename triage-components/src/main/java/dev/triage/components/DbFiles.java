package dev.triage.components;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writing the advisory database's own files while scans may be reading them. */
final class DbFiles {
    private DbFiles() {
    }

    /**
     * Replaces {@code dir/name} with {@code content}: written to a temporary file beside it, then renamed over it
     * (atomically where the file system can), so a scan reading the file sees the old or the new text, never half of
     * one. The temporary file is gone afterwards, whether the write succeeded or not.
     */
    static void replace(Path dir, String name, CharSequence content) throws IOException {
        Path tmp = Files.createTempFile(dir, name + "-", ".tmp");
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
