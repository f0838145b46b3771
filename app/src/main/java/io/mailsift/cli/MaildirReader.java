package io.mailsift.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Lists the messages of a maildir: the files in {@code cur/} and {@code new/}. {@code tmp/} holds deliveries still
 * being written, so it is never read.
 */
final class MaildirReader {

    private MaildirReader() {
    }

    /** Whether the directory is a maildir: it has {@code cur/} and {@code new/} subdirectories. */
    static boolean isMaildir(Path dir) {
        return Files.isDirectory(dir.resolve("cur")) && Files.isDirectory(dir.resolve("new"));
    }

    /** The message files, {@code cur/} before {@code new/}, each in file-name order (delivery order in practice). */
    static List<Path> messages(Path maildir) throws IOException {
        List<Path> messages = new ArrayList<>();
        for (String sub : List.of("cur", "new")) {
            try (Stream<Path> files = Files.list(maildir.resolve(sub))) {
                files.filter(Files::isRegularFile)
                        .filter(f -> !f.getFileName().toString().startsWith("."))
                        .sorted()
                        .forEach(messages::add);
            }
        }
        return messages;
    }

    /** Whether a directory inside a maildir is one of its own parts rather than a (Maildir++) subfolder. */
    static boolean isMaildirPart(Path dir) {
        String name = dir.getFileName().toString();
        return name.equals("cur") || name.equals("new") || name.equals("tmp");
    }
}
