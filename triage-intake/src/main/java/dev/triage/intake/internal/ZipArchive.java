package dev.triage.intake.internal;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.InputStreamStatistics;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The one way intake reads a zip archive, whether it is a file (a war, jar, APK, AAB or AAR) or an archive nested in
 * one and held in memory (a jar in {@code WEB-INF/lib}, an AAR's {@code classes.jar}): its entries come from the
 * central directory (commons-compress), and every entry read goes through {@link #read}, which enforces the input's
 * {@link Budget} (entries, total bytes, entry size, compression ratio, an optional cap) on the bytes actually
 * inflated and checks each entry's integrity: the bytes must have the size and the CRC-32 the archive declares, or
 * the entry is refused ({@link CorruptEntryException}) and nothing is made of it.
 *
 * <p>An archive whose central directory cannot be read (truncated, damaged) is not opened; {@link #salvage} then
 * streams its local headers with the same per-entry checks, up to the damage.
 */
final class ZipArchive implements AutoCloseable {
    private final ZipFile zip;
    private final List<ZipArchiveEntry> entries;

    /** An entry whose bytes are not what the archive declares: its CRC-32 or its size differ. */
    static final class CorruptEntryException extends IOException {
        CorruptEntryException(String message) {
            super(message);
        }
    }

    /** An archive whose directory lists more entries than the limit: not listed (see {@link #checkListed}). */
    static final class TooManyListed extends IOException {
        TooManyListed(String message) {
            super(message);
        }
    }

    private ZipArchive(ZipFile zip) {
        this.zip = zip;
        this.entries = Collections.list(zip.getEntries()); // central directory order, as java.util.zip lists them
    }

    /** Opens a zip file through its central directory (at most the default number of entries). */
    static ZipArchive open(Path file) throws IOException {
        return open(file, dev.triage.intake.IntakeLimits.DEFAULTS.maxEntries());
    }

    /**
     * Opens a zip file through its central directory, unless its end record declares more than {@code maxEntries}
     * entries: commons-compress makes an object per listed entry before any of them is read, so the count is checked
     * first.
     */
    static ZipArchive open(Path file, int maxEntries) throws IOException {
        try (java.nio.channels.SeekableByteChannel ch = java.nio.file.Files.newByteChannel(file)) {
            checkListed(ch, maxEntries);
        }
        return new ZipArchive(ZipFile.builder().setPath(file).get());
    }

    /** Opens a zip held in memory (a nested archive) through its central directory; nothing is written to disk. */
    static ZipArchive open(byte[] data) throws IOException {
        return open(data, dev.triage.intake.IntakeLimits.DEFAULTS.maxEntries());
    }

    /** {@link #open(byte[])} with the entry-count check of {@link #open(Path, int)}. */
    static ZipArchive open(byte[] data, int maxEntries) throws IOException {
        checkListed(new SeekableInMemoryByteChannel(data), maxEntries);
        return new ZipArchive(ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(data)).get());
    }

    /**
     * Refuses an archive whose end of central directory record (or its ZIP64 record) declares more entries than the
     * limit. An archive without a readable end record is left to commons-compress, which refuses it.
     */
    static void checkListed(java.nio.channels.SeekableByteChannel ch, int maxEntries) throws IOException {
        long size = ch.size();
        int tail = (int) Math.min(size, 22 + 65535 + 20);
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(tail).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        ch.position(size - tail);
        while (buf.hasRemaining() && ch.read(buf) > 0) {
            // fill
        }
        for (int at = tail - 22; at >= 0; at--) {
            if (buf.getInt(at) != 0x06054b50) continue;
            long listed = buf.getShort(at + 10) & 0xffffL;
            if (listed == 0xffff && at >= 20 && buf.getInt(at - 20) == 0x07064b50) {
                long zip64 = buf.getLong(at - 20 + 8);
                if (zip64 >= 0 && zip64 + 56 <= size) {
                    java.nio.ByteBuffer z = java.nio.ByteBuffer.allocate(56).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                    ch.position(zip64);
                    while (z.hasRemaining() && ch.read(z) > 0) {
                        // fill
                    }
                    if (z.getInt(0) == 0x06064b50) listed = z.getLong(32);
                }
            }
            if (listed > maxEntries || listed < 0) {
                throw new TooManyListed("the archive lists " + Long.toUnsignedString(listed) + " entries, more than the limit of "
                        + maxEntries + "; not read");
            }
            return;
        }
    }

    /** The entries in central directory order (directories and unsafe names included). */
    List<ZipArchiveEntry> entries() {
        return entries;
    }

    /**
     * Reads one entry within the limits and checks it.
     *
     * @param cap  a limit of its own for this entry (0: only the budget's entry limit); an entry declared or found
     *             larger is a {@link LimitException} that names {@code what}
     * @param keep false to read and discard (still enforcing limits and checks)
     */
    byte[] read(ZipArchiveEntry e, Budget budget, long cap, String what, boolean keep)
            throws IOException, LimitException {
        if (!zip.canReadEntryData(e)) {
            throw new CorruptEntryException("entry data cannot be read (compression method " + e.getMethod()
                    + (e.getGeneralPurposeBit().usesEncryption() ? ", encrypted" : "") + ")");
        }
        refuseDeclared(e, budget, cap, what);
        try (InputStream raw = zip.getInputStream(e)) {
            LongSupplier consumed = e.getMethod() == ZipEntry.STORED || !(raw instanceof InputStreamStatistics s)
                    ? () -> -1 : s::getCompressedCount;
            return checked(raw, e, consumed, budget, cap, what, keep, true);
        }
    }

    /** Refuses an entry whose declared size is already over a limit, before inflating anything. */
    private static void refuseDeclared(ZipArchiveEntry e, Budget budget, long cap, String what)
            throws LimitException {
        long declared = e.getSize();
        if (cap > 0 && declared > cap) {
            throw new LimitException(what + " is " + declared + " bytes, more than the limit of " + cap
                    + "; not read", false);
        }
        if (declared > budget.limits.maxEntryBytes()) {
            throw new LimitException("entry is larger than the limit of " + budget.limits.maxEntryBytes()
                    + " bytes (zip bomb?)", false);
        }
    }

    /**
     * Reads {@code in} to its end within the limits, never past the declared size (plus one byte, to see a lie),
     * then compares size and CRC-32 with what the archive declares.
     *
     * @param declaredNow true when the entry's size and CRC are known before reading (central directory); when
     *                    streaming, a data descriptor may give them only after the data
     */
    private static byte[] checked(InputStream raw, ZipArchiveEntry e, LongSupplier consumed, Budget budget, long cap,
            String what, boolean keep, boolean declaredNow) throws IOException, LimitException {
        long declared = declaredNow ? e.getSize() : -1;
        long bound = cap > 0 ? cap + 1 : Long.MAX_VALUE;
        if (declared >= 0) {
            bound = Math.min(bound, declared + 1);
        }
        CRC32 crc = new CRC32();
        Bounded in = new Bounded(raw, bound, crc);
        byte[] bytes = BoundedReader.read(in, consumed, budget, keep);
        if (cap > 0 && in.total > cap) {
            throw new LimitException(what + " is more than the limit of " + cap + " bytes; not read", false);
        }
        long size = e.getSize();
        if (size >= 0 && in.total != size) {
            throw new CorruptEntryException("corrupt entry: " + in.total + (in.total > size ? "+" : "")
                    + " bytes of data where the archive declares " + size + "; not read");
        }
        long expected = e.getCrc();
        if (expected >= 0 && crc.getValue() != expected) {
            throw new CorruptEntryException(String.format(
                    "corrupt entry: its data fails the CRC-32 check (declared %08x, computed %08x); not read",
                    expected, crc.getValue()));
        }
        return bytes;
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    /** Receives the entries of a streamed archive. */
    interface StreamVisitor {
        /**
         * One entry; {@code reader} reads and checks its bytes (at most once).
         *
         * @return false to stop reading the archive
         */
        boolean entry(String name, long time, EntryBytes reader);
    }

    /** Reads the current entry of a streamed archive. */
    interface EntryBytes {
        byte[] read(long cap, String what, boolean keep) throws IOException, LimitException;
    }

    /**
     * Streams an archive whose central directory is unreadable, entry by entry from the local headers, each read
     * with the same limits as {@link #read}. The integrity checks are java.util.zip's here: a streamed entry's CRC-32
     * and sizes may come only after its data (a data descriptor), and {@link ZipInputStream} checks them when the
     * entry ends, before the bytes are handed on. Entries the visitor leaves unread are read and discarded (the stream
     * must pass over them), still within the limits. Stops at the first damage, which is thrown: the entries before
     * it have been visited.
     *
     * @param lastName receives the name of each entry as it is reached (to name the damage)
     * @return true when the archive was read to its end, false when the visitor stopped it
     */
    static boolean salvage(InputStream source, Budget budget, StreamVisitor visitor, String[] lastName)
            throws IOException, LimitException {
        Counting counting = new Counting(source);
        try (ZipInputStream zin = new ZipInputStream(counting)) {
            while (true) {
                ZipEntry e = zin.getNextEntry();
                if (e == null) {
                    return true;
                }
                lastName[0] = e.getName();
                long start = counting.count;
                boolean[] used = {false};
                EntryBytes reader = (cap, what, keep) -> {
                    used[0] = true;
                    long declared = e.getSize();
                    if (cap > 0 && declared > cap) {
                        throw new LimitException(what + " is " + declared + " bytes, more than the limit of " + cap
                                + "; not read", false);
                    }
                    try {
                        byte[] b = BoundedReader.read(cap > 0 ? new Bounded(zin, cap + 1, new CRC32()) : zin,
                                () -> counting.count - start, budget, keep || cap > 0);
                        if (cap > 0 && b.length > cap) {
                            throw new LimitException(what + " is more than the limit of " + cap + " bytes; not read",
                                    false);
                        }
                        return keep ? b : null;
                    } catch (java.util.zip.ZipException z) {
                        String m = String.valueOf(z.getMessage());
                        if (m.startsWith("invalid entry CRC")) {
                            throw new CorruptEntryException("corrupt entry: its data fails the CRC-32 check (" + m
                                    + "); not read");
                        }
                        if (m.startsWith("invalid entry size") || m.startsWith("invalid entry compressed size")) {
                            throw new CorruptEntryException("corrupt entry: " + m + "; not read");
                        }
                        throw z;
                    }
                };
                if (!visitor.entry(e.getName(), e.getTime(), reader)) {
                    return false;
                }
                if (!used[0] && !e.isDirectory()) {
                    reader.read(0, "entry", false);
                }
            }
        }
    }

    /** Stops after {@code bound} bytes and keeps a CRC-32 and a count of what passed. */
    private static final class Bounded extends FilterInputStream {
        private final CRC32 crc;
        private long left;
        long total;

        Bounded(InputStream in, long bound, CRC32 crc) {
            super(in);
            this.left = bound;
            this.crc = crc;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n <= 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
                total += n;
                crc.update(b, off, n);
            }
            return n;
        }

        @Override
        public void close() {
            // the caller closes the underlying stream (a streamed archive goes on after this entry)
        }
    }

    /** Counts the compressed bytes a stream pulls from its source. */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += Math.max(0, s);
            return s;
        }
    }

    static List<String> names(ZipArchive a) {
        List<String> out = new ArrayList<>(a.entries.size());
        for (ZipArchiveEntry e : a.entries) {
            out.add(e.getName());
        }
        return out;
    }
}
