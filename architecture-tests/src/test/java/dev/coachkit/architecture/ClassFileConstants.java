package dev.coachkit.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.Source;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The text constants of a class file (the {@code CONSTANT_Utf8} entries of its constant pool: string
 * literals, including compile-time constants javac inlined from other classes, and names), read from the
 * bytes ArchUnit imported, where ArchUnit's own model has no string literals.
 */
final class ClassFileConstants {

    private static final int MAGIC = 0xCAFEBABE;

    private ClassFileConstants() {
    }

    /** A condition that each class's file contains none of {@code texts}, even as part of a longer constant. */
    static ArchCondition<JavaClass> notContainTheText(List<String> texts) {
        return new ArchCondition<>("not contain a constant with " + texts + " in its class file") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                Optional<Source> source = javaClass.getSource();
                if (source.isEmpty()) {
                    events.add(SimpleConditionEvent.violated(javaClass,
                            javaClass.getName() + " has no class file to read, so its constants cannot be checked"));
                    return;
                }
                for (String constant : of(source.get().getUri())) {
                    for (String text : texts) {
                        if (constant.contains(text)) {
                            events.add(SimpleConditionEvent.violated(javaClass, javaClass.getName()
                                    + " contains the constant \"" + constant + "\" (" + text + ") in "
                                    + source.get().getUri()));
                        }
                    }
                }
            }
        };
    }

    /** Whether the class file of {@code javaClass} has a constant containing {@code text}. */
    static boolean contains(JavaClass javaClass, String text) {
        return javaClass.getSource()
                .map(source -> of(source.getUri()).stream().anyMatch(constant -> constant.contains(text)))
                .orElse(false);
    }

    /** Every {@code CONSTANT_Utf8} entry of the class file at {@code classFile} (a file: or jar: URI). */
    static List<String> of(URI classFile) {
        try (InputStream stream = classFile.toURL().openStream()) {
            return read(new DataInputStream(new BufferedInputStream(stream)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + classFile, e);
        }
    }

    /** Walks the constant pool (JVMS 4.4): each entry's size follows from its tag. */
    private static List<String> read(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort(); // minor version
        in.readUnsignedShort(); // major version
        int count = in.readUnsignedShort();
        List<String> texts = new ArrayList<>();
        for (int index = 1; index < count; index++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> texts.add(in.readUTF()); // Utf8: u2 length + modified UTF-8, as readUTF reads it
                case 3, 4 -> in.skipNBytes(4); // Integer, Float
                case 5, 6 -> { // Long, Double take two entries
                    in.skipNBytes(8);
                    index++;
                }
                case 7, 8, 16, 19, 20 -> in.skipNBytes(2); // Class, String, MethodType, Module, Package
                case 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4); // refs, NameAndType, Dynamic, InvokeDynamic
                case 15 -> in.skipNBytes(3); // MethodHandle
                default -> throw new IOException("unknown constant pool tag " + tag + " at entry " + index);
            }
        }
        return texts;
    }
}
