package dev.triage.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes a zip with a fixed time stamp and entries in the order of the given (sorted) map. */
final class DeterministicZip {
    /** 2020-01-01 00:00 local DOS time; the same in every build. */
    static final long FIXED_TIME = java.time.LocalDateTime.of(2020, 1, 1, 0, 0)
            .atZone(java.time.ZoneId.systemDefault()).toInstant().toEpochMilli();

    private DeterministicZip() {}

    static void write(Path out, Map<String, byte[]> entries, Set<String> stored) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        try (OutputStream os = Files.newOutputStream(out)) {
            write(os, entries, stored);
        }
    }

    static void write(OutputStream os, Map<String, byte[]> entries, Set<String> stored) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(os);
        zip.setLevel(9);
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            ZipEntry ze = new ZipEntry(e.getKey());
            ze.setTime(FIXED_TIME);
            byte[] data = e.getValue();
            if (stored.contains(e.getKey())) {
                ze.setMethod(ZipEntry.STORED);
                ze.setSize(data.length);
                ze.setCompressedSize(data.length);
                CRC32 crc = new CRC32();
                crc.update(data);
                ze.setCrc(crc.getValue());
            } else {
                ze.setMethod(ZipEntry.DEFLATED);
            }
            zip.putNextEntry(ze);
            zip.write(data);
            zip.closeEntry();
        }
        zip.finish();
        zip.flush();
    }
}
