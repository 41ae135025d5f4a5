package dev.triage.intake.internal;

import org.objectweb.asm.ClassReader;

/** Structural check of class bytes with ASM's reader; never loads the class. */
public final class ClassCheck {
    /** Newest class file major version the bundled ASM reads. */
    public static final int MAX_SUPPORTED = probeMaxVersion();

    private ClassCheck() {
    }

    /** Result: exactly one of {@code internalName} and {@code problem} is non-null. */
    record Result(String internalName, String problem) {
    }

    static Result check(byte[] b) {
        if (b.length < 10) {
            return new Result(null, "not a class file (only " + b.length + " bytes)");
        }
        int magic = ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        if (magic != 0xCAFEBABE) {
            return new Result(null, String.format("not a class file (bad magic 0x%08X)", magic));
        }
        int major = ((b[6] & 0xff) << 8) | (b[7] & 0xff);
        if (major < 45) {
            return new Result(null, "class file version " + major + " is older than any Java version (45)");
        }
        if (major > MAX_SUPPORTED) {
            return new Result(null, "class file version " + major + " (Java " + (major - 44)
                    + ") is newer than supported (up to " + MAX_SUPPORTED + ")");
        }
        try {
            ClassReader reader = new ClassReader(b);
            String name = reader.getClassName();
            if (name == null || name.isEmpty()) {
                return new Result(null, "corrupt class file: no class name");
            }
            return new Result(name, null);
        } catch (RuntimeException e) {
            return new Result(null, "corrupt class file: " + Names.oneLine(String.valueOf(e.getMessage()), e));
        }
    }

    private static int probeMaxVersion() {
        int best = 52;
        for (int v = 45; v <= 200; v++) {
            byte[] b = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, (byte) (v >> 8), (byte) v,
                    0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
            try {
                new ClassReader(b);
                best = v;
            } catch (IllegalArgumentException e) {
                break;
            } catch (RuntimeException e) {
                best = v;
            }
        }
        return best;
    }
}
